using Approval.Engine.Deadlines;
namespace Approval.Engine.Supervision;

/// <summary>Sends a notification outside the platform (SMS, e-mail). The default only writes it to the log.</summary>
public interface INotificationSender
{
    Task SendAsync(Notification notification, CancellationToken ct);
}

internal sealed class LogNotificationSender(ILogger<LogNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(Notification notification, CancellationToken ct)
    {
        logger.LogInformation("Notify {User}: {Title} — {Body}", notification.UserName, notification.Title, notification.Body);
        return Task.CompletedTask;
    }
}
