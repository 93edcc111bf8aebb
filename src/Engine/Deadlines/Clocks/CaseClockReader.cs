using Approval.Engine.Cases;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>Reads a case's clocks for display.</summary>
internal sealed class CaseClockReader(ApprovalDbContext db, WorkingCalendar calendar, DeadlineTimers deadlineTimers, IDeadlineAlarms alarms, TimeProvider clock)
{
    public async Task<CaseClockView> ReadAsync(Case @case, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var pauses = await db.CasePauses.AsNoTracking().Where(p => p.CaseId == @case.Id).ToListAsync(ct);
        var events = await db.ClockEvents.AsNoTracking().Where(e => e.CaseId == @case.Id).ToListAsync(ct);
        var recorded = await alarms.RaisedAsync([@case.Id], ct);
        var plan = await deadlineTimers.PlanAsync(@case, ct);
        var timers = plan.Where(t => !recorded.Contains(t.Key(@case.Id)))
            .Select(t => new TimerView(t.Kind, t.DueAt, @case.ClockVersion, t.TaskId))
            .ToList();
        var finished = @case.Instance.Status == InstanceStatus.Running || @case.Instance.CompletedAt is null
            ? (DateOnly?)null
            : ChinaTime.DateOf(@case.Instance.CompletedAt.Value);
        return CaseClockView.From(@case, finished, pauses, events, calendar, today) with { Timers = timers };
    }
}
