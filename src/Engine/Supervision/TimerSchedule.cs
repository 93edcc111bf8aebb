using System.Threading.Channels;
using Approval.Engine.Storage;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

/// <summary>
/// Collects the cases whose clocks moved in this unit of work and, once it is saved, hands them
/// to the <see cref="TimerQueue"/>, which schedules their timers off the request path.
/// </summary>
internal sealed class TimerSchedule(TimerQueue queue)
{
    private readonly HashSet<Guid> _moved = [];

    /// <summary>The case's clocks moved (a new version, or a step with a due date opened).</summary>
    public void Mark(Guid caseId) => _moved.Add(caseId);

    /// <summary>Queues the marked cases for scheduling; call after the change is saved.</summary>
    public Task FlushAsync(CancellationToken ct)
    {
        foreach (var id in _moved)
        {
            queue.Add(id);
        }

        _moved.Clear();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Schedules the timers of cases whose clocks moved, as Hangfire delayed jobs, in the background:
/// writing jobs to Hangfire's storage is slower than a step, so steps do not wait for it. Each job
/// carries the clock version it was planned under; the jobs of earlier versions find themselves
/// stale and do nothing. What is queued when the host stops is scheduled before it stops; what a
/// crash loses, the daily supervision sweep records.
/// </summary>
internal sealed class TimerQueue(IServiceScopeFactory scopes, ILogger<TimerQueue> logger) : BackgroundService
{
    private readonly Channel<Guid> _moved = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private int _pending;

    /// <summary>Cases queued and not yet scheduled.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Add(Guid caseId)
    {
        Interlocked.Increment(ref _pending);
        _moved.Writer.TryWrite(caseId);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _moved.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new HashSet<Guid>();
        while (await _moved.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < 200 && _moved.Reader.TryRead(out var id))
            {
                batch.Add(id);
                Interlocked.Decrement(ref _pending);
            }

            try
            {
                await ScheduleAsync(batch);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Scheduling the timers of {Count} cases failed; the supervision sweep will catch what they miss.", batch.Count);
            }

            batch.Clear();
        }
    }

    private async Task ScheduleAsync(IReadOnlyCollection<Guid> ids)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ApprovalDbContext>();
        var timers = services.GetRequiredService<DeadlineTimers>();
        var jobs = services.GetRequiredService<IBackgroundJobClient>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var cases = await db.Cases.AsNoTracking().Include(c => c.Instance).Where(c => ids.Contains(c.Id)).ToListAsync();
        foreach (var @case in cases)
        {
            foreach (var timer in await timers.PlanAsync(@case, CancellationToken.None))
            {
                // The delay is measured on the platform's clock; Hangfire counts it down on its own.
                var delay = timer.DueAt > now ? timer.DueAt - now : TimeSpan.Zero;
                jobs.Schedule<DeadlineTimerJob>(
                    job => job.RunAsync(@case.Id, timer.Kind, timer.TaskId, @case.ClockVersion, CancellationToken.None), delay);
            }
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
