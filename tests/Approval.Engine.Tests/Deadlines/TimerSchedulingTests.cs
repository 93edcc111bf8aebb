using Approval.Engine.Deadlines;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Storage;
using Approval.Engine.Supervision;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Deadlines;

// The restart test waits for Hangfire's real SQLite storage on wall-clock time; run alone, so a loaded
// machine running every other test at once does not starve the restarted host's job workers.
[CollectionDefinition(nameof(TimerSchedulingTests), DisableParallelization = true)]
public sealed class TimerSchedulingCollection;

[Collection(nameof(TimerSchedulingTests))]
public sealed class TimerSchedulingTests
{
    [Fact]
    public async Task Acceptance_SchedulesTheCasesTimersInHangfire_UnderItsClockVersion()
    {
        await using var host = new ApprovalHost(
            settings: new Dictionary<string, string?> { ["Auth:TokenLifetimeMinutes"] = "525600", ["Scheduling:Enabled"] = "false" },
            start: DateTimeOffset.Parse("2026-03-02T09:00:00+08:00"));
        var window = await host.LoginAsync("window1");
        var created = await window.CreateCaseAsync();
        await window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
        var version = (await window.GetCaseAsync(created.Id())).GetProperty("clock").GetProperty("clockVersion").GetInt32();

        // Timers are scheduled in the background, just after the step is saved.
        List<Hangfire.Common.Job> scheduled = [];
        for (var waited = 0; waited < 150 && !scheduled.Any(j => (int)j.Args[3] == version); waited++)
        {
            await Task.Delay(100);
            scheduled = [.. host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100)
                .Select(j => j.Value.Job)
                .Where(j => j.Type == typeof(DeadlineTimerJob) && (Guid)j.Args[0] == Guid.Parse(created.Id()))];
        }

        var current = scheduled.Where(j => (int)j.Args[3] == version).Select(j => (TimerKind)j.Args[1]).Order().ToArray();
        Assert.Equal([TimerKind.Yellow, TimerKind.Red, TimerKind.StatutoryBreach], current);
        Assert.Contains(scheduled, j => (TimerKind)j.Args[1] == TimerKind.CorrectionNotice && (int)j.Args[3] < version);
        Assert.Equal(0, await OutboxCountAsync(host, waitForEmpty: true));
    }

    // The step is saved with its outbox entry; a crash before its timers reach Hangfire leaves the
    // entry behind, and the next start schedules them from it.
    [Fact]
    public async Task TimersLostInACrash_AreScheduledFromTheOutbox_AtTheNextStart()
    {
        var settings = new Dictionary<string, string?> { ["Auth:TokenLifetimeMinutes"] = "525600", ["Scheduling:Enabled"] = "false" };
        Guid caseId;
        var first = new ApprovalHost(settings: settings, start: DateTimeOffset.Parse("2026-03-02T09:00:00+08:00")) { PersistentTimers = true };
        await using (first)
        {
            var window = await first.LoginAsync("window1");
            var created = await window.CreateCaseAsync();
            await window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
            caseId = Guid.Parse(created.Id());
            Assert.Equal(0, await OutboxCountAsync(first, waitForEmpty: true));

            // The crash: the case's jobs never reached Hangfire, and its outbox entry is still there.
            var storage = first.Services.GetRequiredService<JobStorage>();
            var jobs = first.Services.GetRequiredService<IBackgroundJobClient>();
            foreach (var job in storage.GetMonitoringApi().ScheduledJobs(0, 1000).Where(j => (Guid)j.Value.Job.Args[0] == caseId))
            {
                jobs.Delete(job.Key);
            }

            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
            db.TimerOutbox.Add(new TimerOutboxEntry { CaseId = caseId, QueuedAt = DateTimeOffset.Parse("2026-03-02T09:00:00+08:00") });
            await db.SaveChangesAsync();
        }

        // After the promised deadline; the sweep is off, so only a timer can record the red card.
        await using var second = new ApprovalHost(first.DatabasePath, settings: settings, start: DateTimeOffset.Parse("2026-03-17T09:00:00+08:00")) { PersistentTimers = true };
        _ = second.CreateClient();
        Warning? red = null;
        for (var waited = 0; waited < 180 && red is null; waited++)
        {
            await Task.Delay(500);
            await using var scope = second.Services.CreateAsyncScope();
            red = await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().Warnings
                .FirstOrDefaultAsync(w => w.CaseId == caseId && w.Kind == TimerKind.Red);
        }

        Assert.NotNull(red);
        Assert.False(red.Repaired);
        Assert.Equal(0, await OutboxCountAsync(second, waitForEmpty: true));
    }

    private static async Task<int> OutboxCountAsync(ApprovalHost host, bool waitForEmpty)
    {
        for (var waited = 0; ; waited++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().TimerOutbox.CountAsync();
            if (count == 0 || !waitForEmpty || waited >= 150)
            {
                return count;
            }

            await Task.Delay(100);
        }
    }

    // Timers live in Hangfire's storage, not in the process: a restart must not lose one.
    [Fact]
    public async Task ATimerScheduledBeforeARestart_FiresAfterIt()
    {
        var settings = new Dictionary<string, string?> { ["Auth:TokenLifetimeMinutes"] = "525600", ["Scheduling:Enabled"] = "false" };
        var start = DateTimeOffset.Parse("2026-03-02T09:00:00+08:00");
        string caseId;
        int version;
        var first = new ApprovalHost(settings: settings, start: start) { PersistentTimers = true };
        await using (first)
        {
            var window = await first.LoginAsync("window1");
            var created = await window.CreateCaseAsync();
            await window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
            caseId = created.Id();
            version = (await window.GetCaseAsync(caseId)).GetProperty("clock").GetProperty("clockVersion").GetInt32();
            // Due well after this host has stopped, so that only the next host can run it.
            first.Services.GetRequiredService<IBackgroundJobClient>().Schedule<DeadlineTimerJob>(
                job => job.RunAsync(Guid.Parse(caseId), TimerKind.Red, null, version, CancellationToken.None), TimeSpan.FromSeconds(10));
        }

        await using var second = new ApprovalHost(first.DatabasePath, settings: settings, start: DateTimeOffset.Parse("2026-03-17T09:00:00+08:00")) { PersistentTimers = true };
        _ = second.CreateClient();
        Warning? red = null;
        for (var waited = 0; waited < 180 && red is null; waited++)
        {
            await Task.Delay(500);
            await using var scope = second.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
            red = await db.Warnings.FirstOrDefaultAsync(w => w.CaseId == Guid.Parse(caseId) && w.Kind == TimerKind.Red);
        }

        Assert.NotNull(red);
        Assert.False(red.Repaired);
        Assert.Equal(version, red.ClockVersion);
    }
}
