using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Approval.Engine.Identity;

/// <summary>
/// Disables an account (its logins fail until it is unlocked), or enables it again and ends a lockout
/// after failed attempts. The last enabled administrator cannot be locked.
/// </summary>
internal sealed record LockUserCommand(string UserName, bool Locked);

internal sealed class LockUser(
    UserManager<ApplicationUser> users, ApprovalDbContext db, AccountRules rules, AccountViews views, AuditLog audit,
    IAuthorizationService authorization)
{
    public async Task<Result<UserResponse>> RunAsync(LockUserCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseKeepingAsync(user) is { } refused)
        {
            return refused;
        }

        return await views.ViewAsync(await LockAsync(command.UserName, command.Locked, Actor.From(user), ct));
    }

    private async Task<Result<ApplicationUser>> LockAsync(string userName, bool locked, Actor actor, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return AccountChanges.NoUser(userName);
        }

        if (locked && await users.IsInRoleAsync(user, Roles.Administrator) && await rules.IsLastAdministratorAsync(user, ct))
        {
            return new Refusal.Conflict($"'{userName}' is the last enabled administrator: it cannot be locked.");
        }

        return await db.InTransactionAsync(async () =>
        {
            user.LockoutEnabled = true;
            user.LockoutEnd = locked ? AccountChanges.Disabled : null;
            user.AccessFailedCount = 0;
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                return AccountChanges.ChangedMeanwhile(userName, result);
            }

            audit.Record(locked ? AuditActions.UserLocked : AuditActions.UserUnlocked, AuditResources.User, user.Id, new { userName = user.UserName }, actor);
            return user;
        }, ct);
    }
}
