using Approval.Engine.Cases;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>
/// A case's deadline timers: what it should have now, and what a timer does when it comes due.
/// A timer carries the clock version it was planned under; when the case's clocks have moved
/// since (a pause, resumption, extension, completion), the timer does nothing.
/// </summary>
internal sealed class DeadlineTimers(
    ApprovalDbContext db, TimerPlanner planner, IDeadlineAlarms alarms, TimeProvider clock, ILogger<DeadlineTimers> logger)
{
    public async Task<IReadOnlyList<PlannedTimer>> PlanAsync(Case @case, CancellationToken ct)
    {
        var pauses = await db.CasePauses.AsNoTracking().Where(p => p.CaseId == @case.Id).ToListAsync(ct);
        var open = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == @case.Id && t.Status == WorkTaskStatus.Open && t.Kind == TaskKind.Step).ToListAsync(ct);
        var today = ChinaTime.Today(clock);
        var datePauses = pauses.Select(p => new DatePause(p.Start, p.End ?? (today > p.Start ? today : p.Start))).ToList();
        return planner.Plan(@case, datePauses, pauses.Any(p => p.End is null), open);
    }

    /// <summary>The timer job: records its warning if the case still has this timer, due now, under this clock version.</summary>
    public async Task<TimerOutcome> FireAsync(Guid caseId, TimerKind kind, Guid? taskId, int clockVersion, CancellationToken ct)
    {
        var @case = await db.Cases.Include(c => c.Instance).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null || @case.ClockVersion != clockVersion)
        {
            logger.LogDebug("Timer {Kind} of case {Case} v{Version} is stale.", kind, caseId, clockVersion);
            return TimerOutcome.Stale;
        }

        var now = clock.GetUtcNow();
        var timer = (await PlanAsync(@case, ct)).FirstOrDefault(t => t.Kind == kind && t.TaskId == taskId);
        if (timer is null || timer.DueAt > now)
        {
            return TimerOutcome.NotDue;
        }

        return await alarms.RaiseAsync(@case, timer, repaired: false, ct) ? TimerOutcome.Recorded : TimerOutcome.AlreadyRecorded;
    }
}

public enum TimerOutcome
{
    Recorded,
    AlreadyRecorded,
    Stale,
    NotDue,
}
