using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Approval.Engine.Identity;

/// <summary>An account's new display name, role, department and window; a new role counts from the next login.</summary>
internal sealed record UpdateUserCommand(string UserName, UserUpdate Account);

internal sealed class UpdateUser(
    UserManager<ApplicationUser> users, ApprovalDbContext db, AccountRules rules, AccountViews views, AuditLog audit,
    IAuthorizationService authorization)
{
    public async Task<Result<UserResponse>> RunAsync(UpdateUserCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseKeepingAsync(user) is { } refused)
        {
            return refused;
        }

        return await views.ViewAsync(await UpdateAsync(command.UserName, command.Account, Actor.From(user), ct));
    }

    private async Task<Result<ApplicationUser>> UpdateAsync(string userName, UserUpdate request, Actor actor, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return AccountChanges.NoUser(userName);
        }

        var errors = await rules.CheckAsync(request.DisplayName, request.Role, request.Department, request.Window, ct);
        if (errors.Count > 0)
        {
            return AccountChanges.Invalid(errors);
        }

        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(Roles.Administrator) && request.Role != Roles.Administrator && await rules.IsLastAdministratorAsync(user, ct))
        {
            return new Refusal.Conflict($"'{userName}' is the last enabled administrator: make another one before changing this account's role.");
        }

        var old = AccountChanges.Snapshot(user, roles);
        return await db.InTransactionAsync(async () =>
        {
            user.DisplayName = AccountChanges.Blank(request.DisplayName);
            user.Department = AccountChanges.Blank(request.Department);
            user.Window = AccountChanges.Blank(request.Window);
            var stale = roles.Where(r => r != request.Role).ToList();
            var result = stale.Count > 0 ? await users.RemoveFromRolesAsync(user, stale) : IdentityResult.Success;
            if (result.Succeeded && !roles.Contains(request.Role!))
            {
                result = await users.AddToRoleAsync(user, request.Role!);
            }

            if (result.Succeeded)
            {
                // A new role is a new identity: the stamp says so to whoever checks it.
                result = stale.Count > 0 ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
            }

            if (!result.Succeeded)
            {
                return AccountChanges.ChangedMeanwhile(userName, result);
            }

            audit.Record(AuditActions.UserUpdated, AuditResources.User, user.Id, new { old, @new = AccountChanges.Snapshot(user, [request.Role!]) }, actor);
            return user;
        }, ct);
    }
}
