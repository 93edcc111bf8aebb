using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>
/// Catches what a timer missed: every running case's timers that are due are compared with the
/// warnings on record, and each missing one is recorded (marked repaired).
/// </summary>
internal sealed class SupervisionSweep(
    ApprovalDbContext db, DeadlineTimers timers, IDeadlineAlarms alarms, TimeProvider clock, ILogger<SupervisionSweep> logger)
    : ISupervisionSweep
{
    private const int Batch = 500;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var repaired = 0;
        var checkedCases = 0;
        while (true)
        {
            var batch = await db.Cases.AsNoTracking().Include(c => c.Instance)
                .Where(c => c.ItemCode != null && c.Instance.Status == InstanceStatus.Running)
                .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
                .Skip(checkedCases)
                .Take(Batch)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(c => c.Id).ToList();
            var recorded = await alarms.RaisedAsync(ids, ct);
            foreach (var @case in batch)
            {
                foreach (var timer in (await timers.PlanAsync(@case, ct)).Where(t => t.DueAt <= now && !recorded.Contains(t.Key(@case.Id))))
                {
                    if (await alarms.RaiseAsync(@case, timer, repaired: true, ct))
                    {
                        repaired++;
                    }
                }
            }

            checkedCases += batch.Count;
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Supervision sweep: {Cases} running cases checked, {Repaired} missing warnings recorded.", checkedCases, repaired);
        return repaired;
    }
}
