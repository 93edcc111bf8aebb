using Approval.Engine.Clock;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Cases.Clocks;

/// <summary>Reads a case's clocks for display.</summary>
internal sealed class CaseClockReader(ApprovalDbContext db, WorkingCalendar calendar, TimerPlanner planner, TimeProvider clock)
{
    public async Task<CaseClockView> ReadAsync(Case @case, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var pauses = await db.CasePauses.AsNoTracking().Where(p => p.CaseId == @case.Id).ToListAsync(ct);
        pauses = [.. pauses.UnionBy(db.CasePauses.Local.Where(p => p.CaseId == @case.Id), p => p.Id)];
        var events = await db.ClockEvents.AsNoTracking().Where(e => e.CaseId == @case.Id).ToListAsync(ct);
        var open = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == @case.Id && t.Status == WorkTaskStatus.Open).ToListAsync(ct);
        open = [.. open.UnionBy(db.Tasks.Local.Where(t => t.InstanceId == @case.Id && t.Status == WorkTaskStatus.Open), t => t.Id)];
        var recorded = (await db.Warnings.AsNoTracking().Where(w => w.CaseId == @case.Id).Select(w => w.Key).ToListAsync(ct)).ToHashSet();
        var plan = planner.Plan(
            @case,
            [.. pauses.Select(p => new DatePause(p.Start, p.End ?? (today > p.Start ? today : p.Start)))],
            pauses.Any(p => p.End is null),
            open);
        var timers = plan.Where(t => !recorded.Contains(t.Key(@case.Id)))
            .Select(t => new TimerView(t.Kind, t.DueAt, @case.ClockVersion, t.TaskId))
            .ToList();
        var finished = @case.Instance.Status == InstanceStatus.Running || @case.Instance.CompletedAt is null
            ? (DateOnly?)null
            : ChinaTime.DateOf(@case.Instance.CompletedAt.Value);
        return CaseClockView.From(@case, finished, pauses, events, calendar, today) with { Timers = timers };
    }
}
