using System.Net.Http.Json;
using Approval.Engine.Deadlines;
using Approval.Engine.Statistics;
using Approval.Engine.Storage;
using Approval.YearOfCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Approval.Engine.Tests.Statistics;

/// <summary>
/// The year-of-cases simulation, scaled down to two months of 2026 (the Spring Festival, its make-up
/// Saturdays) on the sample catalogue: planned, taken through the real API with the fake clock, and the
/// report checked against what it did.
/// </summary>
public sealed class YearOfCasesTests : IAsyncLifetime
{
    private static readonly YearOptions Options = YearOptions.ForYear(2026, accepted: 160, seed: 11) with
    {
        From = new DateOnly(2026, 2, 2),
        To = new DateOnly(2026, 3, 31),
        Concurrency = 2,
    };

    private readonly ApprovalHost _host = new(
        settings: new Dictionary<string, string?>
        {
            ["Auth:TokenLifetimeMinutes"] = "525600",
            ["Scheduling:Enabled"] = "false",
            ["Timers:Enabled"] = "false",
            ["Catalogue:LoadSample"] = "true",
        },
        start: DateTimeOffset.Parse("2026-02-01T08:00:00+08:00"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheSimulatedMonths_ReportExactlyWhatTheSimulationDid()
    {
        var http = _host.CreateClient();
        var calendar = _host.Services.GetRequiredService<WorkingCalendar>();
        List<PlanItem> items;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            items = [.. (await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().PowerItems.AsNoTracking().ToListAsync()).Select(PlanItem.From)];
        }

        var plan = YearPlan.Make(Options, items, calendar);
        var staff = await YearStaff.CreateAsync(
            _host.Services, http, ItemMix.Items.SelectMany(i => i.Windows).Distinct(), items.Select(i => i.Department).Distinct(), default);
        var run = new YearRun(http, _host.Clock.SetUtcNow, staff, Options.Concurrency, NullLogger.Instance);

        var tally = await run.RunAsync(plan, Options.To, default);

        Assert.True(run.Failures.Count == 0, string.Join('\n', run.Failures)); // first: it says which steps failed and why
        Assert.Equal(0, run.Failed);
        _host.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-31T23:00:00+08:00"));
        http.DefaultRequestHeaders.Authorization = new("Bearer", staff.Supervisor);
        var report = (await http.GetFromJsonAsync<StatisticsReportResponse>(
            "/api/statistics?from=2026-02-01&to=2026-03-31&groupBy=month", new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)))!;

        Assert.Equal(Options.Accepted, report.Total.Accepted);
        Assert.Equal(Options.Accepted, tally.Cases.Count(c => c.AcceptedOn is not null));
        Assert.InRange(report.Total.InstantAccepted, 1, Options.Accepted / 3);
        Assert.InRange(report.Total.Completed, Options.Accepted / 2, Options.Accepted);
        Assert.Empty(YearCheck.Differences(report, tally, calendar));
    }
}
