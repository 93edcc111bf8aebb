using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Statistics;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.StatisticsBench;

/// <summary>
/// How long the statistics reports take over a year of N cases (1,000,000 by default): seeds the year
/// into a SQLite file (once; the file is kept and reused), then asks the real Engine, in this process
/// over loopback HTTP, for the year's report in every grouping, the workbook and the public summary,
/// and prints each one's first and steady timings. Checks the year's accepted and completed against a
/// count made straight from the cases, and times that count too. Not a test: it prints a report.
/// </summary>
internal static class StatisticsBench
{
    private const string Usage = "Approval.StatisticsBench [--cases 1000000] [--year 2025] [--runs 20] [--database /tmp/approval-statistics-bench.db]";

    public static async Task<int> Main(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["cases"] = "1000000", ["year"] = "2025", ["runs"] = "20", ["database"] = Path.Combine(Path.GetTempPath(), "approval-statistics-bench.db"),
        };
        for (var i = 0; i + 1 < args.Length && args[i].StartsWith("--", StringComparison.Ordinal); i += 2)
        {
            options[args[i][2..]] = args[i + 1];
        }

        if (args.Length % 2 != 0 || options.Count != 4)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var (cases, year, runs) = (int.Parse(options["cases"], CultureInfo.InvariantCulture), int.Parse(options["year"], CultureInfo.InvariantCulture), int.Parse(options["runs"], CultureInfo.InvariantCulture));
        var database = Path.GetFullPath(options["database"]);
        var fresh = !File.Exists(database);
        using var host = new EngineHost(database);
        host.StartServer();
        using var supervisor = await host.LoginAsync("supervisor1");
        Console.WriteLine($"Engine in process on {supervisor.BaseAddress} (Kestrel), database {database}");

        if (fresh)
        {
            var seeding = Stopwatch.StartNew();
            await YearSeeder.SeedAsync(host.Services, year, cases, seed: year);
            Console.WriteLine($"Seeded {cases:N0} cases of {year} straight into the database (not through the engine) in {seeding.Elapsed.TotalSeconds:F0} s");
            var folding = Stopwatch.StartNew();
            await using var scope = host.Services.CreateAsyncScope();
            var folded = await scope.ServiceProvider.GetRequiredService<DayTotalsFold>().RunAsync();
            Console.WriteLine($"Folded the {folded:N0} changes the triggers recorded into the day totals in {folding.Elapsed.TotalSeconds:F0} s");
        }

        var (stored, totals, direct) = await CountAsync(host.Services, year);
        Console.WriteLine($"{stored:N0} cases stored; {totals:N0} day-total rows; {Environment.ProcessorCount} cores");

        var range = $"from={year}-01-01&to={year}-12-31";
        var requests = new (string Name, string Path)[]
        {
            ("year, whole centre", $"/api/statistics?{range}"),
            ("year by month", $"/api/statistics?{range}&groupBy=month"),
            ("year by month and department", $"/api/statistics?{range}&groupBy=month,department"),
            ("year by item", $"/api/statistics?{range}&groupBy=item"),
            ("year by window", $"/api/statistics?{range}&groupBy=window"),
            ("year by day", $"/api/statistics?{range}&groupBy=day"),
            ("workbook by month and department", $"/api/statistics/export?{range}&groupBy=month,department"),
            ("public monthly summary", $"/api/public/statistics/monthly?year={year}"),
        };

        Console.WriteLine();
        Console.WriteLine($"| report ({cases:N0} cases) | first | p50 | p95 | max | answer |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (name, path) in requests)
        {
            var timings = new List<double>();
            long size = 0;
            for (var run = 0; run <= runs; run++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await supervisor.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                response.EnsureSuccessStatusCode();
                size = body.Length;
            }

            var steady = timings.Skip(1).Order().ToList();
            Console.WriteLine($"| {name} | {timings[0]:F0} ms | {At(steady, 0.5):F0} ms | {At(steady, 0.95):F0} ms | {steady[^1]:F0} ms | {size / 1024.0:F0} KB |");
        }

        // The report's year against a count made straight from the cases: the totals must be the same.
        var report = await supervisor.GetFromJsonAsync<JsonElement>($"/api/statistics?{range}");
        var total = report.GetProperty("total");
        var (accepted, completed) = (total.GetProperty("accepted").GetInt32(), total.GetProperty("completed").GetInt32());
        Console.WriteLine();
        Console.WriteLine($"Report: {accepted:N0} accepted, {completed:N0} completed; counted straight from the cases: {direct.Accepted:N0} and {direct.Completed:N0} ({(accepted == direct.Accepted && completed == direct.Completed ? "the same" : "DIFFERENT")}).");
        Console.WriteLine($"That direct count (two figures, no grouping, a scan of the cases) took {direct.Milliseconds:F0} ms.");
        return accepted == direct.Accepted && completed == direct.Completed ? 0 : 1;
    }

    private static async Task<(int Stored, int Totals, (int Accepted, int Completed, double Milliseconds) Direct)> CountAsync(IServiceProvider services, int year)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var started = Stopwatch.GetTimestamp();
        var accepted = await db.Cases.CountAsync(c => c.ItemCode != null && c.AcceptedOn >= first && c.AcceptedOn <= last);
        var completed = await db.Cases.CountAsync(c => c.ItemCode != null && c.AcceptedOn != null && c.CompletedOn >= first && c.CompletedOn <= last);
        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (await db.Cases.CountAsync(), await db.DayTotals.CountAsync(), (accepted, completed, milliseconds));
    }

    // Nearest-rank percentile.
    private static double At(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
