using System.Security.Claims;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Approval.Engine.Identity;

/// <summary>A new password for an account; its security stamp changes with it. The audit entry never holds the password.</summary>
internal sealed record SetPasswordCommand(string UserName, string? Password);

internal sealed class SetPassword(
    UserManager<ApplicationUser> users, ApprovalDbContext db, AccountRules rules, AccountViews views, AuditLog audit,
    IAuthorizationService authorization)
{
    public async Task<Result<UserResponse>> RunAsync(SetPasswordCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseKeepingAsync(user) is { } refused)
        {
            return refused;
        }

        return await views.ViewAsync(await SetAsync(command.UserName, command.Password, Actor.From(user), ct));
    }

    private async Task<Result<ApplicationUser>> SetAsync(string userName, string? password, Actor actor, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return AccountChanges.NoUser(userName);
        }

        var errors = AccountRules.CheckPasswordLength(password);
        if (errors.Count == 0)
        {
            errors = await rules.CheckPasswordAsync(user, password!);
        }

        if (errors.Count > 0)
        {
            return AccountChanges.Invalid(errors);
        }

        return await db.InTransactionAsync(async () =>
        {
            // Checked above against Identity's rules; the new hash and a new security stamp are one save.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password!);
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                return AccountChanges.ChangedMeanwhile(userName, result);
            }

            audit.Record(AuditActions.UserPasswordSet, AuditResources.User, user.Id, new { userName = user.UserName }, actor);
            return user;
        }, ct);
    }
}
