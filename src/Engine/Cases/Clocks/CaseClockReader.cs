using Approval.Engine.Clock;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Cases.Clocks;

/// <summary>Reads a case's clocks for display.</summary>
internal sealed class CaseClockReader(ApprovalDbContext db, WorkingCalendar calendar, TimeProvider clock)
{
    public async Task<CaseClockView> ReadAsync(Case @case, CancellationToken ct)
    {
        var pauses = await db.CasePauses.AsNoTracking().Where(p => p.CaseId == @case.Id).ToListAsync(ct);
        var events = await db.ClockEvents.AsNoTracking().Where(e => e.CaseId == @case.Id).ToListAsync(ct);
        var finished = @case.Instance.Status == InstanceStatus.Running || @case.Instance.CompletedAt is null
            ? (DateOnly?)null
            : ChinaTime.DateOf(@case.Instance.CompletedAt.Value);
        return CaseClockView.From(@case, finished, pauses, events, calendar, ChinaTime.Today(clock));
    }
}
