using Approval.Activities.Contract;
using Approval.Engine.Cases;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

/// <summary>
/// Records a timer's warning once, whoever runs it and however often, and tells the people the
/// platform's default chain names: yellow the handlers, red the department head (whose card it
/// is to handle), a statutory breach the supervision office.
/// </summary>
internal sealed class WarningRecorder(
    ApprovalDbContext db, IEnumerable<INotificationSender> senders, TimeProvider clock, ILogger<WarningRecorder> logger)
{
    /// <summary>The warning recorded now, or null when it already was.</summary>
    public async Task<Warning?> RecordAsync(Case @case, PlannedTimer timer, bool repaired, CancellationToken ct)
    {
        var key = timer.Key(@case.Id);
        if (await db.Warnings.AnyAsync(w => w.Key == key, ct))
        {
            return null;
        }

        var (severity, role, escalateTo, title) = Chain(timer.Kind);
        var taskRole = timer.TaskId is null ? null : await db.Tasks.Where(t => t.Id == timer.TaskId).Select(t => t.Role).FirstOrDefaultAsync(ct);
        var recipients = await UsersAsync(taskRole ?? role, @case.Department, ct);
        if (escalateTo is not null && escalateTo != (taskRole ?? role))
        {
            recipients = [.. recipients.Union(await UsersAsync(escalateTo, @case.Department, ct))];
        }

        var now = clock.GetUtcNow();
        var warning = new Warning
        {
            Key = key,
            CaseId = @case.Id,
            TaskId = timer.TaskId,
            StepName = timer.StepName,
            Kind = timer.Kind,
            Severity = severity,
            Department = @case.Department,
            DueAt = timer.DueAt,
            RecordedAt = now,
            ClockVersion = @case.ClockVersion,
            Recipients = string.Join(",", recipients),
            EscalatedToRole = escalateTo,
            Repaired = repaired,
        };
        db.Warnings.Add(warning);
        var body = $"办件 {@case.Id}（{@case.ItemCode}）{(timer.StepName is null ? "" : $"步骤“{timer.StepName}”")}：{title}，期限 {timer.Deadline:yyyy-MM-dd}。";
        var notifications = recipients.Select(user => new Notification
        {
            UserName = user, Title = title, Body = body, CaseId = @case.Id, Warning = warning, CreatedAt = now,
        }).ToList();
        db.Notifications.AddRange(notifications);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node's run of the same timer got there first.
            db.ChangeTracker.Clear();
            if (await db.Warnings.AnyAsync(w => w.Key == key, ct))
            {
                return null;
            }

            throw;
        }

        foreach (var notification in notifications)
        {
            foreach (var sender in senders)
            {
                try
                {
                    await sender.SendAsync(notification, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Sending notification {Id} to {User} failed; it stays in the platform.", notification.Id, notification.UserName);
                }
            }
        }

        return warning;
    }

    private static (Severity Severity, string Role, string? EscalateTo, string Title) Chain(TimerKind kind) => kind switch
    {
        TimerKind.CorrectionNotice => (Severity.Notice, Roles.WindowStaff, Roles.Supervisor, "补正告知期限已过，视为自收到申请之日起受理"),
        TimerKind.Yellow => (Severity.Yellow, Roles.DepartmentHandler, null, "黄牌预警：承诺时限即将届满"),
        TimerKind.Red => (Severity.Red, Roles.DepartmentHead, Roles.DepartmentHead, "红牌：已超过承诺时限"),
        TimerKind.StatutoryBreach => (Severity.Severe, Roles.DepartmentHead, Roles.Supervisor, "超过法定时限，已报电子监察"),
        TimerKind.StepWarning => (Severity.Yellow, Roles.DepartmentHandler, null, "步骤时限今日届满"),
        _ => (Severity.Red, Roles.DepartmentHandler, Roles.DepartmentHead, "步骤已超时"),
    };

    // Users in the role; a department's roles only in the case's department.
    private async Task<List<string>> UsersAsync(string role, string? department, CancellationToken ct)
    {
        var departmental = Roles.IsDepartmental(role);
        return await (
            from user in db.Users
            join link in db.UserRoles on user.Id equals link.UserId
            join r in db.Roles on link.RoleId equals r.Id
            where r.Name == role && (!departmental || user.Department == department)
            orderby user.UserName
            select user.UserName!).ToListAsync(ct);
    }
}
