using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Statistics;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Statistics;

/// <summary>
/// A hand-built set of cases around Monday 16 March 2026 (D), test items of 10 promised working
/// days, filed and moved through the real API on chosen days. The nightly job is off here so that
/// the snapshots taken are the test's own.
/// </summary>
public sealed class StatisticsSnapshotTests : IAsyncLifetime
{
    private const string Market = "market-regulation";
    private const string Housing = "housing-construction";
    private static readonly DateOnly D = new(2026, 3, 16);

    // Logins last a year here: the fake clock travels weeks within a test.
    private readonly ApprovalHost _host = new(
        settings: new Dictionary<string, string?> { ["Auth:TokenLifetimeMinutes"] = "525600", ["Scheduling:Enabled"] = "false" },
        start: DateTimeOffset.Parse("2026-02-27T08:00:00+08:00"));
    private HttpClient _window = null!;
    private HttpClient _housingWindow = null!;
    private HttpClient _market = null!;
    private HttpClient _housing = null!;

    public async Task InitializeAsync()
    {
        _window = await _host.LoginAsync("window1");
        _housingWindow = await _host.LoginAsync("window2");
        _market = await _host.LoginAsync("handler1");
        _housing = await _host.LoginAsync("handler2");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TakeAsync_CountsAcceptedCompletedAndOverdue_PerDepartment_AndTakingTheDayAgainReplacesItsRows()
    {
        // Accepted Friday 27 February: promised deadline Thursday 12 March (Saturday 28 February is a make-up day).
        At("2026-02-27");
        await AcceptedAsync(Housing);                       // open past its deadline on D: overdue
        var lateOnD = await AcceptedAsync(Market);           // completed on D, late: completed and overdue
        var lateBeforeD = await AcceptedAsync(Market);       // completed late before D: nothing on D
        var stopped = await AcceptedAsync(Market);           // stopped before its deadline, through D: not overdue
        var stoppedLate = await AcceptedAsync(Housing);      // stopped after its deadline: still overdue
        At("2026-03-02");
        await AcceptedAsync(Market);                         // deadline D itself, open: not overdue yet
        At("2026-03-09");
        var onTime = await AcceptedAsync(Market);            // deadline 23 March, completed on D: completed
        At("2026-03-11");
        await PauseAsync(_market, stopped.CaseId);
        At("2026-03-13");
        await _market.CompleteOkAsync(lateBeforeD.Review, "Reject");
        await PauseAsync(_housing, stoppedLate.CaseId);
        At("2026-03-16");
        var acceptedOnD = await AcceptedAsync(Market);       // accepted on D
        await _market.CompleteOkAsync(lateOnD.Review, "Reject");
        await _market.CompleteOkAsync(onTime.Review, "Reject");

        var first = await TakeAsync(D);

        Assert.Equal([Housing, Market], first.Select(r => r.Department));
        Assert.Equal((0, 0, 2), Figures(first, Housing));
        Assert.Equal((1, 2, 1), Figures(first, Market));

        await _market.CompleteOkAsync(acceptedOnD.Review, "Reject");
        var again = await TakeAsync(D);

        Assert.Equal((1, 3, 1), Figures(again, Market));
        await using var scope = _host.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().DailySnapshots.AsNoTracking()
            .Where(s => s.Day == D).ToListAsync();
        Assert.Equal([Housing, Market], stored.Select(s => s.Department).Order(StringComparer.Ordinal));
        Assert.Equal((1, 3, 1), Figures(stored, Market));
    }

    [Fact]
    public async Task TheDailyEndpoint_ReturnsTheStoredSnapshots_ToTheSupervisionOffice()
    {
        At("2026-03-16");
        await AcceptedAsync(Market);
        await TakeAsync(D);
        await TakeAsync(D.AddDays(-1));
        var supervisor = await _host.LoginAsync("supervisor1");

        var window = await supervisor.GetFromJsonAsync<JsonElement>("/api/statistics/daily?from=2026-03-15&to=2026-03-16");
        var oneDepartment = await supervisor.GetFromJsonAsync<JsonElement>($"/api/statistics/daily?to=2026-03-16&department={Market}");

        Assert.Equal(["2026-03-15", "2026-03-16"], window.EnumerateArray().Select(r => r.Str("day")));
        var today = oneDepartment.EnumerateArray().Last();
        Assert.Equal("2026-03-16", today.Str("day"));
        Assert.Equal(1, today.GetProperty("accepted").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await (await _host.LoginAsync("admin")).GetAsync("/api/statistics/daily")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/statistics/daily?from=2026-03-17&to=2026-03-16")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/statistics/daily?from=16/03/2026")).StatusCode);
    }

    [Fact]
    public async Task TheDailyEndpoint_IsForbidden_ToAWindowClerk()
    {
        var response = await _window.GetAsync("/api/statistics/daily");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<IReadOnlyList<DailySnapshot>> TakeAsync(DateOnly day)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StatisticsSnapshot>().TakeAsync(day);
    }

    private async Task<(string CaseId, string Review)> AcceptedAsync(string department)
    {
        // W01 serves market regulation, W02 housing and construction.
        var window = department == Housing ? _housingWindow : _window;
        var created = await window.CreateCaseAsync(department: department);
        var review = (await window.CompleteOkAsync(created.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0].Id();
        return (created.Id(), review);
    }

    private static async Task PauseAsync(HttpClient handler, string caseId)
    {
        var response = await handler.PostAsJsonAsync($"/api/cases/{caseId}/pauses", new { kind = "Inspection", reason = "现场核查" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static (int Accepted, int Completed, int Overdue) Figures(IEnumerable<DailySnapshot> rows, string department)
    {
        var row = rows.Single(r => r.Department == department);
        return (row.Accepted, row.Completed, row.Overdue);
    }

    // 09:00 in China on that day.
    private void At(string day) => _host.Clock.SetUtcNow(DateTimeOffset.Parse($"{day}T09:00:00+08:00"));
}
