using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Engine.Identity;

/// <summary>
/// The centre's accounts, kept by its administrators: each holds exactly one role, and the department
/// or window that role needs. Every change is audited; a password never is.
/// </summary>
internal static class UsersApi
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        // Reads ask for the administrators' policy here; who may change an account is the use cases' decision.
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.SignedIn);
        group.MapGet("", ListAsync).RequireAuthorization(Policies.Users.Manage)
            .WithSummary("Every account: name, display name, role, department, window, lockout and whether it is enabled.");
        group.MapGet("/{userName}", GetAsync).RequireAuthorization(Policies.Users.Manage);
        group.MapPost("", CreateAsync).WithSummary("Make an account with its one role and an initial password.");
        group.MapPut("/{userName}", UpdateAsync).WithSummary("Change an account's display name, role, department and window; a new role counts from the next login.");
        group.MapPost("/{userName}/password", SetPasswordAsync).WithSummary("Set a new password; the account's security stamp changes.");
        group.MapPost("/{userName}/lock", (string userName, ClaimsPrincipal user, LockUser lockUser, CancellationToken ct) => LockAsync(new(userName, true), user, lockUser, ct))
            .WithSummary("Disable the account: its logins fail until it is unlocked.");
        group.MapPost("/{userName}/unlock", (string userName, ClaimsPrincipal user, LockUser lockUser, CancellationToken ct) => LockAsync(new(userName, false), user, lockUser, ct))
            .WithSummary("Enable the account again (and end a lockout after failed attempts).");
        return app;
    }

    private static async Task<Ok<List<UserResponse>>> ListAsync(AccountViews views, CancellationToken ct) =>
        TypedResults.Ok(await views.ListAsync(ct));

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(string userName, AccountViews views) =>
        await views.GetAsync(userName) is { } user ? TypedResults.Ok(user) : Problems.NotFound($"There is no user '{userName}'.");

    private static async Task<Results<Created<UserResponse>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        UserRequest request, ClaimsPrincipal user, CreateUser create, CancellationToken ct) =>
        (await create.RunAsync(new(request), user, ct)).ToHttp(u => TypedResults.Created($"/api/users/{u.UserName}", u));

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        string userName, UserUpdate request, ClaimsPrincipal user, UpdateUser update, CancellationToken ct) =>
        (await update.RunAsync(new(userName, request), user, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> SetPasswordAsync(
        string userName, PasswordRequest request, ClaimsPrincipal user, SetPassword setPassword, CancellationToken ct) =>
        (await setPassword.RunAsync(new(userName, request.Password), user, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult, ValidationProblem>> LockAsync(
        LockUserCommand command, ClaimsPrincipal user, LockUser lockUser, CancellationToken ct) =>
        (await lockUser.RunAsync(command, user, ct)).ToHttp(TypedResults.Ok);
}
