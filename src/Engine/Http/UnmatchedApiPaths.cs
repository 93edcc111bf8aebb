using Microsoft.AspNetCore.Authentication;

namespace Approval.Engine.Http;

/// <summary>
/// An /api/... path that no API endpoint answers (an id of the wrong shape, a route that does not
/// exist) is answered as a protected route would be: 401 to an anonymous caller, 404 to a signed-in
/// one, so an outsider learns nothing from the shape of a path. Under the anonymous prefixes
/// (<see cref="PublicPrefixes"/>) it is 404 to anyone. Both are ProblemDetails, written by the
/// status code pages like every other empty error.
/// </summary>
/// <remarks>
/// A middleware after authentication rather than a fallback endpoint: a fallback endpoint takes
/// every method, so routing would never again answer 405 for a wrong method on a real route. A
/// wrong method keeps its 405 endpoint here and passes untouched.
/// </remarks>
internal static class UnmatchedApiPaths
{
    /// <summary>The /api routes open to anyone: the public pages' data and the login.</summary>
    public static readonly PathString[] PublicPrefixes = ["/api/public", "/api/auth"];

    private static readonly PathString Api = "/api";

    /// <summary>Runs after <c>UseAuthentication</c>, so the caller is known.</summary>
    public static IApplicationBuilder UseUnmatchedApiPaths(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsUnmatchedApiPath(context))
        {
            await next(context);
            return;
        }

        var path = context.Request.Path;
        if (context.User.Identity?.IsAuthenticated == true || PublicPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // The bearer scheme's own challenge, as on every protected route: 401 with WWW-Authenticate.
        await context.ChallengeAsync();
    });

    private static bool IsUnmatchedApiPath(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return context.GetEndpoint() switch
        {
            null => true,

            // The UI's catch-all for paths that look like files ({**path:file}) is no API answer either.
            RouteEndpoint route => route.RoutePattern.RawText?.StartsWith("/api", StringComparison.OrdinalIgnoreCase) != true,

            // Routing's own answers, such as 405 for a wrong method on a real route.
            _ => false,
        };
    }
}
