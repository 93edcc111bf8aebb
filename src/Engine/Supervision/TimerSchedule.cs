using Approval.Engine.Storage;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

/// <summary>
/// Collects the cases whose clocks moved in this unit of work and, once it is saved, schedules
/// their timers as Hangfire delayed jobs. Each job carries the clock version it was planned under,
/// so the jobs of earlier versions find themselves stale and do nothing.
/// </summary>
internal sealed class TimerSchedule(
    ApprovalDbContext db, DeadlineTimers timers, IBackgroundJobClient jobs, TimeProvider clock, ILogger<TimerSchedule> logger)
{
    private readonly HashSet<Guid> _moved = [];

    /// <summary>The case's clocks moved (a new version, or a step with a due date opened).</summary>
    public void Mark(Guid caseId) => _moved.Add(caseId);

    /// <summary>Schedules the timers of every marked case; call after the change is saved.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_moved.Count == 0)
        {
            return;
        }

        var ids = _moved.ToList();
        _moved.Clear();
        var cases = await db.Cases.AsNoTracking().Include(c => c.Instance).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var @case in cases)
        {
            foreach (var timer in await timers.PlanAsync(@case, ct))
            {
                // The delay is measured on the platform's clock; Hangfire counts it down on its own.
                var delay = timer.DueAt > now ? timer.DueAt - now : TimeSpan.Zero;
                jobs.Schedule<DeadlineTimerJob>(
                    job => job.RunAsync(@case.Id, timer.Kind, timer.TaskId, @case.ClockVersion, CancellationToken.None), delay);
            }

            logger.LogDebug("Timers of case {Case} scheduled for clock version {Version}.", @case.Id, @case.ClockVersion);
        }
    }
}

/// <summary>The Hangfire job behind every deadline timer.</summary>
public sealed class DeadlineTimerJob(IServiceScopeFactory scopes)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(Guid caseId, TimerKind kind, Guid? taskId, int clockVersion, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineTimers>().FireAsync(caseId, kind, taskId, clockVersion, ct);
    }
}
