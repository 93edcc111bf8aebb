using Approval.Engine.Identity;
using Approval.Engine.Runtime;
using Microsoft.AspNetCore.Identity;

namespace Approval.Engine.Audit;

/// <summary>Sign-ins through the API and the browser form: each attempt is one entry, saved on its own.</summary>
internal static class AuditLogins
{
    /// <summary>One attempt, by the API ("api") or the browser form ("browser"), with the user found and what the password check said.</summary>
    public static Task RecordLoginAsync(
        this AuditLog audit, string via, string userName, ApplicationUser? user, SignInResult? result, IList<string>? roles, CancellationToken ct)
    {
        if (user is null || result is null)
        {
            // Nobody is signed in: the name tried is all there is to record.
            var stranger = new Actor("", userName, new HashSet<string>(), null, null);
            return audit.WriteAsync(AuditActions.LoginFailed, AuditResources.User, userName, new { via, reason = "unknown-user" }, stranger, ct);
        }

        var actor = new Actor(user.Id, user.UserName ?? userName, new HashSet<string>(roles ?? [], StringComparer.Ordinal), user.Department, user.Window);
        if (result.Succeeded)
        {
            return audit.WriteAsync(AuditActions.LoginSucceeded, AuditResources.User, user.Id, new { via }, actor, ct);
        }

        if (result.IsLockedOut)
        {
            return audit.WriteAsync(AuditActions.LoginLockedOut, AuditResources.User, user.Id, new { via, lockoutEnd = user.LockoutEnd }, actor, ct);
        }

        return audit.WriteAsync(AuditActions.LoginFailed, AuditResources.User, user.Id, new
        {
            via,
            reason = result.IsNotAllowed ? "not-allowed" : "wrong-password",
            failedAttempts = user.AccessFailedCount,
        }, actor, ct);
    }
}
