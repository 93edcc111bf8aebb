namespace Approval.Engine.Http;

/// <summary>
/// The headers every answer carries: no content sniffing, no framing by another site, no referrer
/// leaving the site, no powerful browser features, and a Content-Security-Policy that lets the
/// Blazor UI run (its scripts and circuit from this origin only; MudBlazor sets inline styles).
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Swagger UI and the Hangfire dashboard write small inline scripts of their own.
    private const string ToolPagesPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var tools = context.Request.Path.StartsWithSegments("/swagger") || context.Request.Path.StartsWithSegments("/hangfire");
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = tools ? ToolPagesPolicy : ContentSecurityPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
