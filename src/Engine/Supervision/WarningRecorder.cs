using Approval.Engine.Deadlines;
using Approval.Activities.Contract;
using Approval.Engine.Audit;
using Approval.Engine.Cases;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

/// <summary>
/// Records a timer's warning once, whoever runs it and however often, and tells the people the
/// platform's default chain names: yellow the handlers, red the department head (whose card it
/// is to handle, as an escalation task in their inbox), a statutory breach the supervision office.
/// </summary>
internal sealed class WarningRecorder(
    ApprovalDbContext db, IEnumerable<INotificationSender> senders, TimeProvider clock, AuditLog audit, ILogger<WarningRecorder> logger)
{
    /// <summary>The warning recorded now, or null when it already was.</summary>
    public async Task<Warning?> RecordAsync(Case @case, PlannedTimer timer, bool repaired, CancellationToken ct)
    {
        var (severity, role, escalateTo, title) = Chain(timer.Kind);
        var taskRole = timer.TaskId is null ? null : await db.Tasks.Where(t => t.Id == timer.TaskId).Select(t => t.Role).FirstOrDefaultAsync(ct);
        var roles = new[] { taskRole ?? role, escalateTo }.OfType<string>().Distinct().ToArray();
        return await RecordAsync(@case, timer.Key(@case.Id), timer.Kind, severity, roles, escalateTo, title,
            timer.DueAt, timer.Deadline, timer.TaskId, timer.StepName, repaired, ct);
    }

    /// <summary>An Escalate activity's warning: to its role, at its severity.</summary>
    public Task<Warning?> RecordEscalationAsync(Case @case, string stepName, string role, Severity severity, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return RecordAsync(@case, $"{@case.Id:N}:Escalation:{stepName}:{now.UtcTicks}", TimerKind.Escalation, severity, [role], role,
            $"督办升级：{stepName}", now, ChinaTimeToday(now), null, stepName, false, ct);
    }

    private async Task<Warning?> RecordAsync(
        Case @case, string key, TimerKind kind, Severity severity, IReadOnlyList<string> roles, string? escalateTo, string title,
        DateTimeOffset dueAt, DateOnly deadline, Guid? taskId, string? stepName, bool repaired, CancellationToken ct)
    {
        if (await db.Warnings.AnyAsync(w => w.Key == key, ct))
        {
            return null;
        }

        var recipients = new List<string>();
        foreach (var role in roles)
        {
            recipients = [.. recipients.Union(await UsersAsync(role, @case, ct))];
        }

        var now = clock.GetUtcNow();
        var warning = new Warning
        {
            Key = key,
            CaseId = @case.Id,
            TaskId = taskId,
            StepName = stepName,
            Kind = kind,
            Severity = severity,
            Department = @case.Department,
            DueAt = dueAt,
            RecordedAt = now,
            ClockVersion = @case.ClockVersion,
            Recipients = string.Join(",", recipients),
            EscalatedToRole = escalateTo,
            Repaired = repaired,
        };
        db.Warnings.Add(warning);
        if (kind == TimerKind.Red && @case.Department is not null)
        {
            // The red card is the head's to handle: it waits in their inbox until they say what was done.
            var task = EscalationTasks.Open(@case, warning, title, now);
            db.Tasks.Add(task);
            warning.EscalationTaskId = task.Id;
        }

        var body = $"办件 {@case.Id}（{@case.ItemCode}）{(stepName is null ? "" : $"步骤“{stepName}”")}：{title}，期限 {deadline:yyyy-MM-dd}。";
        var notifications = recipients.Select(user => new Notification
        {
            UserName = user, Title = title, Body = body, CaseId = @case.Id, Warning = warning, CreatedAt = now,
        }).ToList();
        db.Notifications.AddRange(notifications);

        // The platform records warnings, whichever request or timer ran into them; the warning's id is known once saved.
        audit.Record(AuditActions.WarningRecorded, AuditResources.Case, @case.Id.ToString(), new
        {
            key,
            kind,
            severity,
            stepName,
            dueAt,
            deadline,
            recipients,
            escalatedTo = escalateTo,
            escalationTaskId = warning.EscalationTaskId,
            repaired,
        }, bySystem: true);
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

    private static DateOnly ChinaTimeToday(DateTimeOffset now) => Approval.Engine.Deadlines.ChinaTime.DateOf(now);

    private static (Severity Severity, string Role, string? EscalateTo, string Title) Chain(TimerKind kind) => kind switch
    {
        TimerKind.CorrectionNotice => (Severity.Notice, Roles.WindowStaff, Roles.Supervisor, "补正告知期限已过，视为自收到申请之日起受理"),
        TimerKind.Yellow => (Severity.Yellow, Roles.DepartmentHandler, null, "黄牌预警：承诺时限即将届满"),
        TimerKind.Red => (Severity.Red, Roles.DepartmentHead, Roles.DepartmentHead, "红牌：已超过承诺时限"),
        TimerKind.StatutoryBreach => (Severity.Severe, Roles.DepartmentHead, Roles.Supervisor, "超过法定时限，已报电子监察"),
        TimerKind.StepWarning => (Severity.Yellow, Roles.DepartmentHandler, null, "步骤时限今日届满"),
        _ => (Severity.Red, Roles.DepartmentHandler, Roles.DepartmentHead, "步骤已超时"),
    };

    // Users in the role; a department's roles only in the case's department, and window staff only at
    // the windows that serve the case's item (the whole hall when none does, rather than nobody).
    private async Task<List<string>> UsersAsync(string role, Case @case, CancellationToken ct)
    {
        var users =
            from user in db.Users
            join link in db.UserRoles on user.Id equals link.UserId
            join r in db.Roles on link.RoleId equals r.Id
            where r.Name == role
            select user;
        if (Roles.IsDepartmental(role))
        {
            users = users.Where(u => u.Department == @case.Department);
        }

        if (role == Roles.WindowStaff && @case.ItemCode is { } item)
        {
            var serving = users.Where(u => db.WindowAssignments.Any(a => a.UserId == u.Id && a.EndedOn == null
                && db.WindowGrants.Any(g => g.WindowId == a.WindowId && g.ItemCode == item && g.MayAccept)));
            if (await serving.AnyAsync(ct))
            {
                users = serving;
            }
        }

        return await users.OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(ct);
    }
}
