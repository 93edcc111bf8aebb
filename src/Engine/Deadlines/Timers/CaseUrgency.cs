using Approval.Engine.Cases;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>How pressing a task is, the inbox's marks: the worst warning its case's timers have reached.</summary>
public enum WarningLevel
{
    /// <summary>No warning due.</summary>
    None,

    /// <summary>黄牌: the case's yellow warning is due, or the step is due today.</summary>
    Yellow,

    /// <summary>红牌: the promised deadline or the step's limit has passed (or the correction notice's five days).</summary>
    Red,

    /// <summary>The statutory limit (法定时限) has passed.</summary>
    Statutory,
}

/// <summary>A task's deadlines as its inbox row shows them.</summary>
public sealed record TaskUrgency(WarningLevel Level, DateOnly? DueOn, int? StepDaysLeft, int? CaseDaysLeft);

/// <summary>
/// Reads the inbox's marks for many tasks at once from the same plan the timers run on
/// (<see cref="TimerPlanner"/>): a task is yellow once its case's Yellow or its own StepWarning timer is
/// due, red once Red or its StepOverdue is, statutory once StatutoryBreach is, so the mark and the
/// warning the supervision office receives always agree. Days left count working days, negative when past.
/// </summary>
internal sealed class CaseUrgency(ApprovalDbContext db, TimerPlanner planner, WorkingCalendar calendar, TimeProvider clock)
{
    public async Task<Dictionary<Guid, TaskUrgency>> ReadAsync(
        IReadOnlyCollection<Case> cases, IReadOnlyCollection<WorkflowTask> tasks, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var ids = cases.Select(c => c.Id).ToList();
        var pauses = (await db.CasePauses.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToListAsync(ct)).ToLookup(p => p.CaseId);
        var byCase = tasks.ToLookup(t => t.InstanceId);
        var answer = new Dictionary<Guid, TaskUrgency>();
        foreach (var @case in cases)
        {
            var own = pauses[@case.Id].ToList();
            var datePauses = own.Select(p => new DatePause(p.Start, p.End ?? (today > p.Start ? today : p.Start))).ToList();
            var steps = byCase[@case.Id].Where(t => t.Kind == TaskKind.Step).ToList();
            var plan = planner.Plan(@case, datePauses, own.Any(p => p.End is null), steps);
            var due = plan.Where(t => t.DueAt <= now).ToList();
            var caseDue = @case.AcceptedOn is null ? calendar.AddWorkingDays(@case.ReceivedOn, CaseClock.CorrectionNoticeDays) : @case.PromisedDeadline;
            foreach (var task in byCase[@case.Id])
            {
                var level = WarningLevel.None;
                foreach (var timer in due.Where(t => t.TaskId is null || t.TaskId == task.Id))
                {
                    level = Max(level, timer.Kind switch
                    {
                        TimerKind.StatutoryBreach => WarningLevel.Statutory,
                        TimerKind.Red or TimerKind.StepOverdue => WarningLevel.Red,
                        TimerKind.Yellow or TimerKind.StepWarning => WarningLevel.Yellow,
                        _ => WarningLevel.None,
                    });
                }

                // Before acceptance the clock that runs is the correction notice's (Art. 32): due today is yellow, past it red.
                if (@case.AcceptedOn is null && caseDue is { } notice && @case.ItemCode is not null && @case.CorrectionNoticeOn is null)
                {
                    level = Max(level, today > notice ? WarningLevel.Red : today == notice ? WarningLevel.Yellow : WarningLevel.None);
                }

                var stepDue = task.DueOn;
                var first = stepDue is { } s && (caseDue is null || s < caseDue) ? stepDue : caseDue;
                answer[task.Id] = new TaskUrgency(level, first, Left(stepDue, today), Left(caseDue, today));
            }
        }

        return answer;
    }

    private int? Left(DateOnly? deadline, DateOnly today) => deadline is not { } day ? null
        : today <= day ? calendar.CountWorkingDays(today, day) : -calendar.CountWorkingDays(day, today);

    private static WarningLevel Max(WarningLevel a, WarningLevel b) => a > b ? a : b;
}
