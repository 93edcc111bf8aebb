using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Approval.Engine.Deadlines;
using Approval.Engine.Statistics;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.YearOfCases;

/// <summary>
/// The tool's one command: starts the platform (the Engine's own <c>AddPlatform</c>, in this process) on
/// a fresh SQLite file with the sample catalogue and a simulated clock, takes a year of applications
/// through its HTTP API (<see cref="YearPlan"/>, <see cref="YearRun"/>), then reads the year's report as
/// the supervision office would, checks every figure against what the simulation did, and saves the
/// report as a workbook. Quartz and the deadline timers stay off: Hangfire counts delays on the real
/// clock, which the simulated one outruns.
/// </summary>
internal sealed class YearOfCasesCommand(YearOptions options)
{
    private readonly SimulatedClock _clock = new(ChinaTime.StartOf(options.From));
    private string _database = "";

    /// <summary>The command the arguments ask for; null, with the reason and the usage, when they do not read.</summary>
    public static YearOfCasesCommand? From(string[] args, out string? error)
    {
        var (options, problem) = YearOptions.Parse(args);
        error = problem;
        return options is null ? null : new YearOfCasesCommand(options);
    }

    /// <summary>Its database, settings and clock, before the features read them; false (said why) when the database exists.</summary>
    public bool Configure(WebApplicationBuilder builder)
    {
        _database = Resolve(options.Database);
        if (File.Exists(_database))
        {
            Console.Error.WriteLine($"{_database} exists: the year is generated into a fresh database. Delete it or give --database.");
            return false;
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Approval"] = $"Data Source={_database}",
            ["Timers:SqlitePath"] = Path.ChangeExtension(_database, ".timers.db"),
            ["Timers:Enabled"] = "false",
            ["Scheduling:Enabled"] = "false",
            ["Catalogue:LoadSample"] = "true",
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),

            // The staff sign in once, on 1 January: their tokens must outlast the simulated year.
            ["Auth:TokenLifetimeMinutes"] = "1100000",

            // And all of them from this one address within a second, past the limit set for a person.
            ["RateLimiting:Login:PermitLimit"] = "1000",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<TimeProvider>(_clock);
        return true;
    }

    /// <summary>Runs the year; Ctrl+C (the host stopping) stops it between steps.</summary>
    public async Task<int> RunAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("YearOfCases");
        var ct = app.Lifetime.ApplicationStopping;
        await app.StartAsync(ct);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
            var calendar = app.Services.GetRequiredService<WorkingCalendar>();
            List<PlanItem> items;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                items = [.. (await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().PowerItems.AsNoTracking().ToListAsync(ct)).Select(PlanItem.From)];
            }

            var plan = YearPlan.Make(options, items, calendar);
            logger.LogInformation("{Cases} applications planned for {From:yyyy-MM-dd}..{To:yyyy-MM-dd} into {Database}.", plan.Count, options.From, options.To, _database);
            var staff = await YearStaff.CreateAsync(
                app.Services, http, ItemMix.Items.SelectMany(i => i.Windows).Distinct(), items.Select(i => i.Department).Distinct(), ct);
            var stopwatch = Stopwatch.StartNew();
            var run = new YearRun(http, _clock.MoveTo, staff, options.Concurrency, logger);
            var tally = await run.RunAsync(plan, options.To, ct);
            logger.LogInformation("The year took {Elapsed:F0} s; {Failed} applications failed.", stopwatch.Elapsed.TotalSeconds, run.Failed);
            foreach (var failure in run.Failures)
            {
                logger.LogError("{Failure}", failure);
            }

            // Read as on the last evening of the period.
            var evening = ChinaTime.EndOf(options.To).AddHours(-1);
            _clock.MoveTo(evening > _clock.GetUtcNow() ? evening : _clock.GetUtcNow());
            var query = string.Create(CultureInfo.InvariantCulture, $"from={options.From:yyyy-MM-dd}&to={options.To:yyyy-MM-dd}&groupBy=month");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", staff.Supervisor);
            var report = (await http.GetFromJsonAsync<StatisticsReportResponse>($"/api/statistics?{query}", StatisticsJson, ct))!;
            Console.WriteLine(YearCheck.Table(report));
            var differences = YearCheck.Differences(report, tally, calendar);
            foreach (var difference in differences)
            {
                logger.LogError("Not what the simulation did: {Difference}", difference);
            }

            logger.LogInformation(differences.Count == 0
                ? "Every figure of the report is what the simulation did."
                : "{Count} figures differ from what the simulation did.", differences.Count);
            if (options.Export is { } export)
            {
                var path = Resolve(export);
                await File.WriteAllBytesAsync(path, await http.GetByteArrayAsync($"/api/statistics/export?{query},department", ct), ct);
                logger.LogInformation("The year's report by month and department: {Path}", path);
            }

            await ForgetTimersAsync(app, logger, ct);
            return differences.Count == 0 && run.Failed == 0 ? 0 : 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            logger.LogWarning("Stopped before the year was over: {Database} holds what was done so far.", _database);
            return 130;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions StatisticsJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    // The clock moves were written to the timer outbox as always; they belong to a year already past.
    private static async Task ForgetTimersAsync(WebApplication app, ILogger logger, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var forgotten = await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().TimerOutbox.ExecuteDeleteAsync(ct);
        logger.LogInformation("{Count} timer reschedulings of the simulated year dropped: the supervision sweep covers the cases still open.", forgotten);
    }

    // A relative --database or --export is taken from the folder the tool was started in.
    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }
}
