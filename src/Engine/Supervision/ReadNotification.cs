using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

/// <summary>One of the caller's own notifications (站内消息) is read; reading it again changes nothing.</summary>
internal sealed record ReadNotificationCommand(long Id);

internal sealed class ReadNotification(ApprovalDbContext db, TimeProvider clock, IAuthorizationService authorization)
{
    public async Task<Result<NotificationView>> RunAsync(ReadNotificationCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.Notifications.Own)).Succeeded)
        {
            return new Refusal.Forbidden("Notifications are read by the signed-in user they are for.");
        }

        // Another user's notification is as absent as one that does not exist.
        var name = Actor.From(user).UserName;
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == command.Id && n.UserName == name, ct);
        if (notification is null)
        {
            return new Refusal.NotFound($"You have no notification {command.Id}.");
        }

        notification.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new NotificationView(
            notification.Id, notification.Title, notification.Body, notification.CaseId, notification.WarningId, notification.CreatedAt, notification.ReadAt);
    }
}
