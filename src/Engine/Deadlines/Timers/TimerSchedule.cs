using System.Threading.Channels;
using Approval.Engine.Storage;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Deadlines;

/// <summary>
/// A case whose timers must be (re)scheduled, written in the same transaction as the change that
/// moved its clocks. The <see cref="TimerQueue"/> deletes it once the timers are with Hangfire, so
/// a crash between the two loses nothing: the next start schedules what is left here.
/// </summary>
public sealed class TimerOutboxEntry
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public DateTimeOffset QueuedAt { get; set; }
}

internal sealed class TimerOutboxEntryConfiguration : IEntityTypeConfiguration<TimerOutboxEntry>
{
    public void Configure(EntityTypeBuilder<TimerOutboxEntry> builder) => builder.ToTable("TimerOutbox");
}

/// <summary>
/// Collects the cases whose clocks moved in this unit of work, writing each to the timer outbox
/// with the change, and once the change is saved hands them to the <see cref="TimerQueue"/>,
/// which schedules their timers off the request path.
/// </summary>
internal sealed class TimerSchedule(ApprovalDbContext db, TimerQueue queue, TimeProvider clock)
{
    private readonly Dictionary<Guid, TimerOutboxEntry> _moved = [];

    /// <summary>The case's clocks moved (a new version, or a step with a due date opened); call before saving the change.</summary>
    public void Mark(Guid caseId)
    {
        // A step retried after a concurrency conflict starts from a cleared context: mark it again.
        if (_moved.TryGetValue(caseId, out var entry) && db.Entry(entry).State == EntityState.Added)
        {
            return;
        }

        entry = new TimerOutboxEntry { CaseId = caseId, QueuedAt = clock.GetUtcNow() };
        db.TimerOutbox.Add(entry);
        _moved[caseId] = entry;
    }

    /// <summary>Queues the marked cases whose change was saved; call after saving.</summary>
    public Task FlushAsync(CancellationToken ct)
    {
        foreach (var (caseId, entry) in _moved)
        {
            if (db.Entry(entry).State == EntityState.Unchanged)
            {
                queue.Add(caseId, entry.Id);
            }
        }

        _moved.Clear();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Schedules the timers of cases whose clocks moved, as Hangfire delayed jobs, in the background:
/// writing jobs to Hangfire's storage is slower than a step, so steps do not wait for it. Each job
/// carries the clock version it was planned under; the jobs of earlier versions find themselves
/// stale and do nothing. Each case comes with its timer outbox entry, deleted once its jobs are
/// written; on start, whatever the outbox still holds (a crash, a failed write) is scheduled first.
/// </summary>
internal sealed class TimerQueue(IServiceScopeFactory scopes, ILogger<TimerQueue> logger) : BackgroundService
{
    private const int BatchSize = 200;

    private readonly Channel<(Guid CaseId, long OutboxId)> _moved =
        Channel.CreateUnbounded<(Guid, long)>(new UnboundedChannelOptions { SingleReader = true });

    private int _pending;

    /// <summary>Cases queued and not yet scheduled.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Add(Guid caseId, long outboxId)
    {
        Interlocked.Increment(ref _pending);
        _moved.Writer.TryWrite((caseId, outboxId));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _moved.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        var batch = new List<(Guid CaseId, long OutboxId)>();
        while (await _moved.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < BatchSize && _moved.Reader.TryRead(out var item))
            {
                batch.Add(item);
                Interlocked.Decrement(ref _pending);
            }

            await ScheduleAsync(batch);
            batch.Clear();
        }
    }

    // What the outbox held at start: left by a crash, or by a write to Hangfire that failed.
    private async Task RecoverAsync(CancellationToken ct)
    {
        try
        {
            long after = 0;
            var recovered = 0;
            while (!ct.IsCancellationRequested)
            {
                List<(Guid, long)> batch;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
                    batch = [.. (await db.TimerOutbox.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).Take(BatchSize)
                        .Select(e => new { e.CaseId, e.Id }).ToListAsync(ct)).Select(e => (e.CaseId, e.Id))];
                }

                if (batch.Count == 0)
                {
                    break;
                }

                after = batch[^1].Item2;
                recovered += batch.Count;
                await ScheduleAsync(batch);
            }

            if (recovered > 0)
            {
                logger.LogInformation("Scheduled the timers of {Count} cases left in the timer outbox.", recovered);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Reading the timer outbox failed; the supervision sweep will catch what its cases miss.");
        }
    }

    private async Task ScheduleAsync(IReadOnlyCollection<(Guid CaseId, long OutboxId)> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<ApprovalDbContext>();
            var timers = services.GetRequiredService<DeadlineTimers>();
            var jobs = services.GetRequiredService<IBackgroundJobClient>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var ids = batch.Select(b => b.CaseId).Distinct().ToList();
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

            var done = batch.Select(b => b.OutboxId).ToList();
            await db.TimerOutbox.Where(e => done.Contains(e.Id)).ExecuteDeleteAsync();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Scheduling the timers of {Count} cases failed; they stay in the timer outbox for the next start, and the supervision sweep catches what they miss meanwhile.", batch.Count);
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
