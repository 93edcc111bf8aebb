using Approval.Engine.Deadlines;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Scheduling;
using Approval.Engine.Supervision;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Approval.Engine.Tests.Scheduling;

/// <summary>
/// Quartz on its persistent store in the test host's SQLite file, driven by the host's fake clock:
/// moving the clock past a trigger's time fires it.
/// </summary>
public sealed class RecurringJobsTests
{
    [Fact]
    public async Task TheJobsAndTriggers_AreStoredInTheDatabase_AndOnceOnlyAfterARestart()
    {
        await using var first = new ApprovalHost();
        var before = await StoredAsync(first);
        await first.DisposeAsync();
        await using var restarted = new ApprovalHost(first.DatabasePath);

        var after = await StoredAsync(restarted);

        foreach (var stored in new[] { before, after })
        {
            Assert.True(stored.Persistent);
            Assert.Equal([StatisticsSnapshotJob.Key, SupervisionSweepJob.Key], stored.Jobs);
            Assert.Equal(2, stored.Triggers.Count);
            var sweep = stored.Triggers.Single(t => t.JobKey == SupervisionSweepJob.Key);
            Assert.Equal(WorkingDayQuartzCalendar.Name, sweep.CalendarName);
            Assert.Null(stored.Triggers.Single(t => t.JobKey == StatisticsSnapshotJob.Key).CalendarName);
            Assert.Contains(WorkingDayQuartzCalendar.Name, stored.Calendars);
        }

        // Guards against a restart adding a second copy beside the first rather than replacing it.
        Assert.Equal((2, 2, 1), CountRows(first.DatabasePath));
    }

    [Fact]
    public async Task TheSweep_RunsOnWorkingDaysIncludingMakeUpSaturdays_NotOnHolidays()
    {
        var sweep = new CountingSweep();
        await using var host = new ApprovalHost(start: At("2026-02-13", "08:00")) { TestServices = s => s.AddSingleton<ISupervisionSweep>(sweep) };
        await StoredAsync(host);

        host.Clock.SetUtcNow(At("2026-02-13", "08:31"));
        await sweep.WaitForAsync(1);
        host.Clock.SetUtcNow(At("2026-02-14", "08:31")); // make-up Saturday
        await sweep.WaitForAsync(2);
        host.Clock.SetUtcNow(At("2026-02-16", "08:31")); // 春节

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, sweep.Calls);
    }

    [Fact]
    public async Task ASaturdayMadeAWorkingDay_BringsTheNextSweepForward_AndAHolidayPutsItBack()
    {
        await using var host = new ApprovalHost(start: At("2026-03-06", "09:00"));
        await StoredAsync(host);
        var admin = await host.LoginAsync("admin");
        Assert.Equal(At("2026-03-09", "08:30"), await NextSweepAsync(host));

        var made = await admin.PutAsJsonAsync("/api/calendar/days/2026-03-07", new { kind = "MakeUpWorkday", name = "测试调休" });
        Assert.Equal(System.Net.HttpStatusCode.OK, made.StatusCode);
        Assert.Equal(At("2026-03-07", "08:30"), await NextSweepAsync(host));

        var off = await admin.PutAsJsonAsync("/api/calendar/days/2026-03-07", new { kind = "Holiday", name = "测试放假" });
        Assert.Equal(System.Net.HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(At("2026-03-09", "08:30"), await NextSweepAsync(host));
    }

    // Guards against the restart's re-declared trigger forgetting the firing missed while the host was down.
    [Fact]
    public async Task ASweepMissedWhileTheHostWasDown_RunsOnceWhenItComesBack()
    {
        var sweep = new CountingSweep();
        await using var first = new ApprovalHost(start: At("2026-02-13", "08:00")) { TestServices = s => s.AddSingleton<ISupervisionSweep>(sweep) };
        await StoredAsync(first);
        await first.DisposeAsync();

        // Back on Tuesday 24 February at 10:00, after the Spring Festival: its 08:30 sweep was missed.
        var back = new CountingSweep();
        await using var restarted = new ApprovalHost(first.DatabasePath, start: At("2026-02-24", "10:00"))
        {
            TestServices = s => s.AddSingleton<ISupervisionSweep>(back),
        };
        await StoredAsync(restarted);

        await back.WaitForAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, sweep.Calls);
        Assert.Equal(1, back.Calls);
    }

    [Fact]
    public async Task TheNightlySnapshot_StoresTheDay_At2330ChinaTime()
    {
        await using var host = new ApprovalHost(
            settings: new Dictionary<string, string?> { ["Auth:TokenLifetimeMinutes"] = "525600" },
            start: At("2026-03-16", "09:00"));
        var window = await host.LoginAsync("window1");
        var created = await window.CreateCaseAsync();
        await window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
        var supervisor = await host.LoginAsync("supervisor1");

        host.Clock.SetUtcNow(At("2026-03-16", "23:31"));

        var rows = await EventuallyAsync(async () =>
        {
            var snapshot = await supervisor.GetFromJsonAsync<JsonElement>("/api/statistics/daily?from=2026-03-16&to=2026-03-16");
            return snapshot.GetArrayLength() > 0 ? snapshot : (JsonElement?)null;
        });
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal("market-regulation", row.Str("department"));
        Assert.Equal(1, row.GetProperty("accepted").GetInt32());
        Assert.True(row.GetProperty("takenAt").GetDateTimeOffset() >= At("2026-03-16", "23:30"));
    }

    internal sealed class CountingSweep : ISupervisionSweep
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<int> RunAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(0);
        }

        public Task WaitForAsync(int calls) => EventuallyAsync(() => Task.FromResult(Calls >= calls ? (bool?)true : null));
    }

    private sealed record Stored(bool Persistent, List<JobKey> Jobs, List<TriggerHeader> Triggers, List<string> Calendars);

    // The scheduler starts once the host has; its content is in place by the time it runs.
    private static async Task<Stored> StoredAsync(ApprovalHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await EventuallyAsync(() => Task.FromResult(scheduler.Status == SchedulerStatus.Running ? (bool?)true : null));
        var metadata = await scheduler.GetMetadata();
        var jobs = (await scheduler.QueryJobs(new JobQuery())).Items.Select(j => j.Key).OrderBy(k => k.Name, StringComparer.Ordinal).ToList();
        var triggers = (await scheduler.QueryTriggers(new TriggerQuery())).Items.ToList();
        var calendars = (await scheduler.QueryCalendarNames(new CalendarQuery())).Items.ToList();
        return new Stored(metadata.JobStorePersistent, jobs, triggers, calendars);
    }

    private static async Task<DateTimeOffset?> NextSweepAsync(ApprovalHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new TriggerKey(SupervisionSweepJob.Key.Name, SchedulingExtensions.Group));
        return trigger!.NextFireTimeUtc;
    }

    private static (long Jobs, long Triggers, long Calendars) CountRows(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        long Count(string table)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            return (long)command.ExecuteScalar()!;
        }

        return (Count("QRTZ_JOB_DETAILS"), Count("QRTZ_TRIGGERS"), Count("QRTZ_CALENDARS"));
    }

    internal static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
        where T : struct
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(15); waited += TimeSpan.FromMilliseconds(50))
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The scheduler did not get there within 15 seconds.");
    }

    private static DateTimeOffset At(string day, string time) => DateTimeOffset.Parse($"{day}T{time}:00+08:00");
}
