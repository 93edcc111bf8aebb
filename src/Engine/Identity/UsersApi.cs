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
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Users.Manage);
        group.MapGet("", ListAsync).WithSummary("Every account: name, display name, role, department, window, lockout and whether it is enabled.");
        group.MapGet("/{userName}", GetAsync);
        group.MapPost("", CreateAsync).WithSummary("Make an account with its one role and an initial password.");
        group.MapPut("/{userName}", UpdateAsync).WithSummary("Change an account's display name, role, department and window; a new role counts from the next login.");
        group.MapPost("/{userName}/password", SetPasswordAsync).WithSummary("Set a new password; the account's security stamp changes.");
        group.MapPost("/{userName}/lock", (string userName, UserAccounts accounts, CancellationToken ct) => LockAsync(userName, true, accounts, ct))
            .WithSummary("Disable the account: its logins fail until it is unlocked.");
        group.MapPost("/{userName}/unlock", (string userName, UserAccounts accounts, CancellationToken ct) => LockAsync(userName, false, accounts, ct))
            .WithSummary("Enable the account again (and end a lockout after failed attempts).");
        return app;
    }

    private static async Task<Ok<List<UserResponse>>> ListAsync(UserAccounts accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ListAsync(ct));

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(string userName, UserAccounts accounts) =>
        await accounts.GetAsync(userName) is { } user ? TypedResults.Ok(user) : Problems.NotFound($"There is no user '{userName}'.");

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        UserRequest request, UserAccounts accounts, CancellationToken ct)
    {
        var change = await accounts.CreateAsync(request, bySystem: false, ct);
        return change.User is { } user
            ? TypedResults.Created($"/api/users/{user.UserName}", await accounts.ViewAsync(user))
            : Refused<Created<UserResponse>>(change);
    }

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string userName, UserUpdate request, UserAccounts accounts, CancellationToken ct)
    {
        var change = await accounts.UpdateAsync(userName, request, ct);
        return change.User is { } user ? TypedResults.Ok(await accounts.ViewAsync(user)) : Refused<Ok<UserResponse>>(change);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetPasswordAsync(
        string userName, PasswordRequest request, UserAccounts accounts, CancellationToken ct)
    {
        var change = await accounts.SetPasswordAsync(userName, request, ct);
        return change.User is not null ? TypedResults.NoContent() : Refused<NoContent>(change);
    }

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> LockAsync(
        string userName, bool locked, UserAccounts accounts, CancellationToken ct)
    {
        var change = await accounts.LockAsync(userName, locked, ct);
        return change.User is { } user ? TypedResults.Ok(await accounts.ViewAsync(user)) : Refused<Ok<UserResponse>>(change);
    }

    private static Results<TOk, ValidationProblem, ProblemHttpResult> Refused<TOk>(UserChange change)
        where TOk : IResult =>
        change.NotFound is { } missing ? Problems.NotFound(missing)
        : change.Conflict is { } conflict ? Problems.Conflict(conflict)
        : Problems.Invalid("The account is not valid.", change.Invalid);
}
