using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Approval.Engine.Tests.Statistics.StatisticsScenario;

namespace Approval.Engine.Tests.Statistics;

/// <summary>
/// The report over <see cref="StatisticsScenario"/>'s cases. Each expected figure is counted by hand
/// from the cases listed there; the comments name the cases behind it.
/// </summary>
[Collection(StatisticsScenario.Collection)]
public sealed class StatisticsReportTests(StatisticsScenario scenario)
{
    [Fact]
    public async Task ByMonth_CountsEveryFigure_AcrossTheMonthBoundary()
    {
        var report = await scenario.ReportAsync("from=2026-03-01&to=2026-04-30&groupBy=month");

        Assert.Equal("month", report.Str("period"));
        Assert.Equal("centre", report.Str("groupBy"));
        Assert.Equal("2026-04-30", report.Str("asOf"));
        Assert.Equal(["2026-03", "2026-04"], report.GetProperty("rows").EnumerateArray().Select(r => r.Str("period")));

        var march = Row(report, "2026-03");
        Assert.Equal(4, Int(march, "accepted"));                    // C5, C1, C2, C3 (C6 was refused)
        Assert.Equal(1, Int(march, "instantAccepted"));             // C1
        Assert.Equal(1, Int(march, "completed"));                   // C1; C2 completed on 1 April
        Assert.Equal(1, Int(march, "instantCompleted"));
        Assert.Equal(0, Int(march, "promisedCompleted"));
        Assert.Equal(1.0 / 4, Rate(march, "instantRatio"));
        Assert.Equal(R((0.0 + 1.0 / 2 + 0.0) / 3), Rate(march, "dailyCompletionRate")); // 2 Mar 0/1, 30 Mar 1/2, 31 Mar 0/1
        Assert.Equal(1.0 / 4, Rate(march, "monthCompletionRate"));  // C1 only: C2 crossed into April
        Assert.Equal(1.0, Rate(march, "onTimeRate"));
        Assert.Null(Rate(march, "earlyCompletionRate"));            // no promised case completed
        Assert.Null(Rate(march, "averagePromisedWorkingDays"));
        Assert.Null(Rate(march, "processingSpeedUp"));
        Assert.Equal((1, 0, 1), Overdue(march));                    // C5 open past 16 March on 31 March
        Assert.Equal((1, 0, 1), StatutoryOverdue(march));           // and past 30 March

        var april = Row(report, "2026-04");
        Assert.Equal(2, Int(april, "accepted"));                    // C4, C8
        Assert.Equal(0, Int(april, "instantAccepted"));
        Assert.Equal(3, Int(april, "completed"));                   // C2, C3, C4
        Assert.Equal(3, Int(april, "promisedCompleted"));
        Assert.Equal(0.0, Rate(april, "instantRatio"));
        Assert.Equal(0.0, Rate(april, "dailyCompletionRate"));      // 1 Apr 0/1, 8 Apr 0/1
        Assert.Equal(1.0 / 2, Rate(april, "monthCompletionRate"));  // C4 within April, C8 open
        Assert.Equal(R(2.0 / 3), Rate(april, "onTimeRate"));        // C2, C4; C3 late
        Assert.Equal(R(1.0 / 3), Rate(april, "earlyCompletionRate")); // C2; C4 on its deadline day
        Assert.Equal((2 + 4 + 3) / 3.0, Rate(april, "averagePromisedWorkingDays")); // 6 April off, 3 April stopped
        Assert.Equal((5 - 3) / 5.0, Rate(april, "promisedSpeedUp"));
        Assert.Equal(R(((5 - 2) / 5.0 + (5 - 4) / 5.0 + (5 - 3) / 5.0) / 3), Rate(april, "processingSpeedUp"));
        Assert.Equal((2, 1, 1), Overdue(april));                    // C3 completed late; C5 still open (C8 is stopped)
        Assert.Equal((1, 0, 1), StatutoryOverdue(april));           // C5; C3 met 8 April; C8 is stopped
    }

    [Fact]
    public async Task TheTotal_CoversTheWholePeriod_AndStatesItsDefinitions()
    {
        var report = await scenario.ReportAsync("from=2026-03-01&to=2026-04-30&groupBy=month");
        var total = report.GetProperty("total");

        Assert.Equal(6, Int(total, "accepted"));
        Assert.Equal(4, Int(total, "completed"));
        Assert.Equal(R(1.0 / 6), Rate(total, "instantRatio"));
        Assert.Equal((0.0 + 0.5 + 0.0 + 0.0 + 0.0) / 5, Rate(total, "dailyCompletionRate"));
        Assert.Equal(R(2.0 / 6), Rate(total, "monthCompletionRate")); // C1, C4
        Assert.Equal(3.0 / 4, Rate(total, "onTimeRate"));
        Assert.Equal((2, 1, 1), Overdue(total));
        var definitions = report.GetProperty("definitions").EnumerateArray().ToDictionary(d => d.Str("figure"), d => d.Str("name"));
        Assert.Equal("日结率", definitions["dailyCompletionRate"]);
        Assert.Equal("超期件", definitions["overdue"]);
        Assert.Contains("promisedSpeedUp", definitions.Keys);
    }

    [Fact]
    public async Task ByDay_CutsAtEachDay_AndCountsWhatWasOpenAtEachDaysEnd()
    {
        var report = await scenario.ReportAsync("from=2026-03-30&to=2026-04-01&groupBy=day");

        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["2026-03-30", "2026-03-31", "2026-04-01"], rows.Select(r => r.Str("period")));
        Assert.Equal([2, 1, 1], rows.Select(r => Int(r, "accepted")));   // C1 C2; C3; C4
        Assert.Equal([1, 0, 1], rows.Select(r => Int(r, "completed")));  // C1; -; C2
        Assert.Equal(0.5, Rate(rows[0], "dailyCompletionRate"));
        Assert.Equal([1, 1, 1], rows.Select(r => Int(r, "overdueOpen"))); // C5 each day
        Assert.Equal([0, 1, 1], rows.Select(r => Int(r, "statutoryOverdueOpen"))); // C5's statutory deadline was 30 March
    }

    [Fact]
    public async Task ByYear_CutsAtTheYearBoundary_AndAtFromAndTo()
    {
        var report = await scenario.ReportAsync("from=2025-12-15&to=2026-04-30&groupBy=year");

        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["2025", "2026"], rows.Select(r => r.Str("period")));
        Assert.Equal(("2025-12-15", "2025-12-31"), (rows[0].Str("from"), rows[0].Str("to")));
        Assert.Equal(("2026-01-01", "2026-04-30"), (rows[1].Str("from"), rows[1].Str("to")));
        Assert.Equal([0, 6], rows.Select(r => Int(r, "accepted")));
        Assert.Equal([0, 2], rows.Select(r => Int(r, "overdue"))); // C3 late; C5 open on 30 April
    }

    [Fact]
    public async Task ByWindow_CountsTheAcceptingWindow()
    {
        var report = await scenario.ReportAsync("from=2026-03-01&to=2026-04-30&groupBy=window");

        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["W01", "W02", "W09"], rows.Select(r => r.Str("key")));
        var (w01, w02, w09) = (rows[0], rows[1], rows[2]);
        Assert.Equal(4, Int(w01, "accepted"));   // C1 C2 C4 C8
        Assert.Equal(3, Int(w01, "completed"));  // C1 C2 C4
        Assert.Equal((0, 0, 0), Overdue(w01));
        Assert.Equal(1, Int(w02, "accepted"));   // C5
        Assert.Equal((1, 0, 1), Overdue(w02));
        Assert.Equal(1, Int(w09, "accepted"));   // C3
        Assert.Equal((1, 1, 0), Overdue(w09));
        Assert.Equal(4.0, Rate(w09, "averagePromisedWorkingDays"));
    }

    [Fact]
    public async Task ByMonthAndDepartment_GivesEveryDepartmentEveryMonth()
    {
        var report = await scenario.ReportAsync("from=2026-03-01&to=2026-04-30&groupBy=month,department");

        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(
            [("2026-03", Housing), ("2026-03", Market), ("2026-04", Housing), ("2026-04", Market)],
            rows.Select(r => (r.Str("period"), r.Str("key"))));
        Assert.Equal("住建局", rows[0].Str("name"));
        Assert.Equal([1, 3, 0, 2], rows.Select(r => Int(r, "accepted")));
        Assert.Equal([1, 0, 1, 1], rows.Select(r => Int(r, "overdue"))); // C5 twice; C3 in April
    }

    [Fact]
    public async Task ByItem_WithAFilter_CountsThatItemOnly()
    {
        var report = await scenario.ReportAsync($"from=2026-03-01&to=2026-04-30&groupBy=item&item={Promised}");

        var row = Assert.Single(report.GetProperty("rows").EnumerateArray());
        Assert.Equal(Promised, row.Str("key"));
        Assert.Equal(4, Int(row, "accepted"));   // C2 C3 C4 C8
        Assert.Equal(3, Int(row, "completed"));
        Assert.Equal(Promised, report.GetProperty("filter").Str("item"));
    }

    [Fact]
    public async Task APeriodThatEndsLater_EndsToday()
    {
        var report = await scenario.ReportAsync("from=2026-04-01&to=2026-12-31");

        Assert.Equal("2026-04-30", report.Str("to"));
        Assert.Equal(2, Int(Assert.Single(report.GetProperty("rows").EnumerateArray()), "accepted"));
    }

    [Fact]
    public async Task ADepartmentHead_SeesTheirDepartmentOnly()
    {
        var head = await scenario.Host.LoginAsync("head2");

        var report = await scenario.ReportAsync("from=2026-03-01&to=2026-04-30&groupBy=department", head);
        var other = await head.GetAsync($"/api/statistics?department={Market}");

        var row = Assert.Single(report.GetProperty("rows").EnumerateArray());
        Assert.Equal(Housing, row.Str("key"));
        Assert.Equal(1, Int(report.GetProperty("total"), "accepted"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task WindowStaffAndStrangers_AreRefused()
    {
        var clerk = await scenario.Host.LoginAsync("window1");

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scenario.Host.CreateClient().GetAsync("/api/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scenario.Host.CreateClient().GetAsync("/api/statistics/export")).StatusCode);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-04-02&to=2026-04-01", "to")]
    [InlineData("from=2026-05-01&to=2026-05-31", "from")]
    [InlineData("groupBy=week", "groupBy")]
    [InlineData("groupBy=month,day", "groupBy")]
    [InlineData("groupBy=item,window", "groupBy")]
    [InlineData("from=2025-01-01&to=2026-04-30&groupBy=day", "to")]
    [InlineData("from=2010-01-01&to=2026-04-30", "to")]
    [InlineData("department=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "department")]
    public async Task BadQueries_GetAProblemSayingWhere(string query, string where)
    {
        foreach (var path in new[] { "/api/statistics", "/api/statistics/export" })
        {
            var response = await scenario.Supervisor.GetAsync($"{path}?{query}");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(where, out _), problem.ToString());
        }
    }

    internal static JsonElement Row(JsonElement report, string period, string? key = null) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.Str("period") == period
            && (key is null || (r.TryGetProperty("key", out var k) && k.GetString() == key)));

    internal static int Int(JsonElement row, string figure) => row.GetProperty(figure).GetInt32();

    internal static double? Rate(JsonElement row, string figure) =>
        row.TryGetProperty(figure, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetDouble() : null;

    // Reports give rates to four places.
    private static double R(double rate) => Math.Round(rate, 4);

    private static (int Overdue, int Completed, int Open) Overdue(JsonElement row) =>
        (Int(row, "overdue"), Int(row, "overdueCompleted"), Int(row, "overdueOpen"));

    private static (int Overdue, int Completed, int Open) StatutoryOverdue(JsonElement row) =>
        (Int(row, "statutoryOverdue"), Int(row, "statutoryOverdueCompleted"), Int(row, "statutoryOverdueOpen"));
}
