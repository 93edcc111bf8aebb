using Approval.Engine.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Approval.Engine.Identity;

internal static class AuthApi
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", LoginAsync)
            .AllowAnonymous()
            .RequireRateLimiting(LoginRateLimit.Policy)
            .WithTags("Auth")
            .WithSummary("Exchange a user name and password for a bearer token.");
        return app;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult, ValidationProblem>> LoginAsync(
        LoginRequest request, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, TokenService tokens,
        AuditLog audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password)
            || request.UserName.Length > 256 || request.Password.Length > 256)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userName"] = ["userName and password are required, at most 256 characters each."],
            });
        }

        var user = await users.FindByNameAsync(request.UserName);
        var result = user is null ? null : await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        var roles = user is null || result?.Succeeded != true ? null : await users.GetRolesAsync(user);
        await audit.RecordLoginAsync("api", request.UserName, user, result, roles, ct);
        if (user is null || result is null || !result.Succeeded)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Login failed",
                detail: result?.IsLockedOut == true
                    ? "Too many failed attempts: the account is locked for a while."
                    : "The user name or password is wrong.");
        }

        var (token, expiresIn) = tokens.Issue(user, roles!);
        return TypedResults.Ok(new LoginResponse(token, expiresIn));
    }
}

public sealed record LoginRequest(string UserName, string Password);

public sealed record LoginResponse(string AccessToken, int ExpiresIn, string TokenType = "Bearer");
