using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Identity;

/// <summary>
/// What the account use cases share: who may keep accounts, the transaction each change is with its
/// audit entry, and what an audit entry keeps of an account (never its password).
/// </summary>
internal static class AccountChanges
{
    /// <summary>A locked (disabled) account is locked out until the end of time; a temporary lockout after failed attempts ends.</summary>
    public static readonly DateTimeOffset Disabled = DateTimeOffset.MaxValue;

    /// <summary>Null when <paramref name="user"/> may keep accounts (<see cref="Policies.Users.Manage"/>).</summary>
    public static async Task<Refusal?> RefuseKeepingAsync(this IAuthorizationService authorization, ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Users.Manage)).Succeeded
            ? null
            : new Refusal.Forbidden("Only administrators (中心管理员) keep the centre's accounts.");

    /// <summary>
    /// Runs <paramref name="change"/> in one transaction with the audit entry it records: committed when
    /// it gives the account, rolled back (and forgotten by the context) when it refuses.
    /// </summary>
    public static async Task<Result<ApplicationUser>> InTransactionAsync(
        this ApprovalDbContext db, Func<Task<Result<ApplicationUser>>> change, CancellationToken ct) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var outcome = await change();
            if (!outcome.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return outcome;
            }

            await db.SaveChangesAsync(ct); // the audit entry, chained
            await transaction.CommitAsync(ct);
            return outcome;
        });

    /// <summary>What an audit entry keeps of an account.</summary>
    public static object Snapshot(ApplicationUser user, IEnumerable<string> roles) => new
    {
        userName = user.UserName,
        displayName = user.DisplayName,
        roles = roles.Order(StringComparer.Ordinal).ToList(),
        department = user.Department,
        window = user.Window,
    };

    public static Refusal.Invalid Invalid(IEnumerable<(string Field, string Message)> errors) =>
        new([.. errors.Select(e => new FieldError(e.Field, e.Message))], "The account is not valid.");

    public static Refusal.NotFound NoUser(string userName) => new($"There is no user '{Cut(userName)}'.");

    public static Refusal.Conflict ChangedMeanwhile(string userName, IdentityResult result) =>
        new($"'{userName}' was changed by someone else meanwhile; reload it. ({string.Join("; ", result.Errors.Select(e => e.Description))})");

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Cut(string value) => value.Length > 64 ? value[..64] + "…" : value;
}
