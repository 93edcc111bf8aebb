using Approval.Engine.Deadlines;
using System.Diagnostics;
using System.Net.Http.Json;
using Approval.Engine.Supervision;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.TimerBench;

/// <summary>
/// Schedules the timers of N open cases that are all due, and measures how long their warnings take
/// to be recorded while the API is read every 50 ms. Not a test: it prints a report.
/// </summary>
internal static class TimerBench
{
    public static async Task<int> Main(string[] args)
    {
        TimerBenchOptions options;
        try
        {
            options = TimerBenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(TimerBenchOptions.Usage);
            return 2;
        }

        var n = options.Cases;
        var timeout = TimeSpan.FromMinutes(options.TimeoutMinutes);
        using var host = new EngineHost(options.Workers);
        host.StartServer();
        var services = host.Services;
        using var admin = await host.LoginAsync("admin");
        Console.WriteLine($"Engine in process on {admin.BaseAddress} (Kestrel), data in {host.Folder}");

        const string itemCode = "TB-standard-licence";
        var created = await admin.PostAsJsonAsync("/api/catalogue/items", new
        {
            code = itemCode,
            name = "计时器压测事项",
            itemType = "01",
            department = CaseSeeder.Department,
            departmentName = CaseSeeder.Department,
            statutoryLimit = 20,
            promisedLimit = 10,
            caseKind = "Promised",
            definitionId = "standard-licence",
        });
        if (!created.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"Creating the item failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            return 1;
        }

        var seeding = Stopwatch.StartNew();
        var ids = await CaseSeeder.SeedAsync(services, itemCode, n);
        Console.WriteLine($"Seeded {n:N0} open cases (all three timers due) in {seeding.Elapsed.TotalSeconds:F1} s");

        using var handler = await host.LoginAsync("handler1");
        var readings = (int)(timeout.TotalSeconds * 20) + 1000;
        var tasks = new Latencies(readings);
        var health = new Latencies(readings);
        var failures = 0;

        // Latency before the timers start, as a baseline.
        using (var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            var idleTasks = new Latencies(1000);
            var idleHealth = new Latencies(1000);
            await Probe(handler, idleTasks, idleHealth, () => { }, quiet.Token);
            Console.WriteLine($"Idle, 10 s:   tasks {Format(idleTasks)}; health {Format(idleHealth)}");
        }

        var queue = services.GetRequiredService<TimerQueue>();
        var monitor = services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        using var stop = new CancellationTokenSource();
        var probing = Probe(handler, tasks, health, () => Interlocked.Increment(ref failures), stop.Token);

        var clock = Stopwatch.StartNew();
        foreach (var (id, outboxId) in ids)
        {
            queue.Add(id, outboxId);
        }

        TimeSpan? scheduled = null;
        TimeSpan? recorded = null;
        var expected = 3 * n;
        var lastPrint = TimeSpan.Zero;
        var firstWarning = (TimeSpan?)null;
        while (clock.Elapsed < timeout)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var pending = queue.Pending;
            if (scheduled is null && pending == 0)
            {
                scheduled = clock.Elapsed;
            }

            var warnings = await CaseSeeder.WarningsAsync(services);
            if (firstWarning is null && warnings > 0)
            {
                firstWarning = clock.Elapsed;
            }

            if (warnings >= expected)
            {
                recorded = clock.Elapsed;
                break;
            }

            if (clock.Elapsed - lastPrint >= TimeSpan.FromSeconds(15))
            {
                lastPrint = clock.Elapsed;
                Console.WriteLine(
                    $"  {clock.Elapsed.TotalSeconds,6:F0} s: queue {pending,7:N0}  hangfire {Jobs(monitor)}  warnings {warnings,7:N0}/{expected:N0}");
            }
        }

        await stop.CancelAsync();
        await probing;
        var cpu = process.TotalProcessorTime - cpuBefore;
        var elapsed = clock.Elapsed;
        var final = await CaseSeeder.WarningsAsync(services);

        Console.WriteLine();
        Console.WriteLine($"Cases:                      {n:N0} open, {expected:N0} timers due ({Environment.ProcessorCount} cores, Hangfire workers: {(options.Workers is { } w ? w.ToString(System.Globalization.CultureInfo.InvariantCulture) : "default")})");
        Console.WriteLine($"Jobs written to Hangfire:   {(scheduled is { } s ? $"{s.TotalSeconds:F1} s ({expected / s.TotalSeconds:F0} jobs/s)" : $"not finished, {queue.Pending:N0} cases still queued")}");
        Console.WriteLine($"First warning recorded:     {(firstWarning is { } f ? $"{f.TotalSeconds:F1} s" : "none")}");
        Console.WriteLine($"All warnings recorded:      {(recorded is { } r ? $"{r.TotalSeconds:F1} s ({expected / r.TotalSeconds:F0} warnings/s)" : $"not within {timeout.TotalMinutes:F0} min: {final:N0} of {expected:N0}")}");
        Console.WriteLine($"Hangfire at the end:        {Jobs(monitor)}");
        Console.WriteLine($"Process CPU meanwhile:      {cpu.TotalSeconds:F0} s over {elapsed.TotalSeconds:F0} s ({cpu.TotalSeconds / elapsed.TotalSeconds:F2} cores)");
        Console.WriteLine($"GET /api/tasks?take=1:      {Format(tasks)}");
        Console.WriteLine($"GET /health:                {Format(health)}");
        Console.WriteLine($"Failed probes (non-2xx):    {failures}");
        process.Refresh();
        Console.WriteLine($"Peak working set:           {process.PeakWorkingSet64 / (1024 * 1024):N0} MiB");
        Console.WriteLine($"Hangfire's SQLite file:     {new FileInfo(host.TimersPath).Length / (1024 * 1024):N0} MiB, integrity_check: {IntegrityCheck(host.TimersPath)}");
        return recorded is null ? 1 : 0;
    }

    // SQLite's own verdict on Hangfire's file, read through a separate connection while the Engine still runs.
    private static string IntegrityCheck(string path)
    {
        try
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            command.CommandTimeout = 600;
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read() && lines.Count < 5)
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join("; ", lines);
        }
        catch (Exception e)
        {
            return $"failed ({e.GetType().Name}: {e.Message})";
        }
    }

    // Hangfire's own counts; its SQLite storage has been seen to report a malformed database under this load.
    private static string Jobs(Hangfire.Storage.IMonitoringApi monitor)
    {
        try
        {
            return $"scheduled {monitor.ScheduledCount(),7:N0} enqueued {monitor.EnqueuedCount("default"),7:N0} "
                + $"succeeded {monitor.SucceededListCount(),7:N0} failed {monitor.FailedCount(),5:N0}";
        }
        catch (Exception e)
        {
            return $"counts unavailable ({e.GetType().Name}: {e.Message})";
        }
    }

    private static string Format(Latencies l)
    {
        var (p50, p95, p99, max) = l.Percentiles();
        return $"{l.Count:N0} calls, p50 {p50:F1} / p95 {p95:F1} / p99 {p99:F1} / max {max:F1} ms";
    }

    // Every 50 ms: the handler's first task, then the health check, each timed on its own.
    private static async Task Probe(HttpClient client, Latencies tasks, Latencies health, Action failed, CancellationToken ct)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await tick.WaitForNextTickAsync(ct))
            {
                var start = Stopwatch.GetTimestamp();
                using (var response = await client.GetAsync("/api/tasks?take=1", CancellationToken.None))
                {
                    await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    tasks.Add(start);
                    if (!response.IsSuccessStatusCode)
                    {
                        failed();
                    }
                }

                start = Stopwatch.GetTimestamp();
                using (var response = await client.GetAsync("/health", CancellationToken.None))
                {
                    await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    health.Add(start);
                    if (!response.IsSuccessStatusCode)
                    {
                        failed();
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
