using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Statistics;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static Approval.Engine.Tests.Statistics.StatisticsReportTests;

namespace Approval.Engine.Tests.Statistics;

/// <summary>The same figures as a workbook and as the public monthly summary, and the totals they come from.</summary>
[Collection(StatisticsScenario.Collection)]
public sealed class StatisticsDisclosureTests(StatisticsScenario scenario)
{
    [Fact]
    public async Task TheExport_OpensAsAWorkbook_HoldingTheSameFiguresAndTheirDefinitions()
    {
        const string query = "from=2026-03-01&to=2026-04-30&groupBy=month,department";
        var report = await scenario.ReportAsync(query);

        var response = await scenario.Supervisor.GetAsync($"/api/statistics/export?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("statistics-2026-03-01-2026-04-30.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["统计", "口径", "查询"], file.GetSheetNames());
        var rows = file.Query(useHeaderRow: true, sheetName: "统计").Cast<IDictionary<string, object?>>().ToList();
        var expected = report.GetProperty("rows").EnumerateArray().Append(report.GetProperty("total")).ToList();
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal("合计", rows[^1]["期间(period)"]);
        foreach (var (sheet, json) in rows.Zip(expected))
        {
            Assert.Equal(json.TryGetProperty("key", out var key) ? key.GetString() : null, sheet["编码(key)"] as string);
            foreach (var figure in new[] { "accepted", "completed", "instantCompleted", "promisedCompleted", "overdue", "statutoryOverdue" })
            {
                Assert.Equal(Int(json, figure), Convert.ToInt32(sheet.Single(c => c.Key.EndsWith($"({figure})", StringComparison.Ordinal)).Value));
            }

            foreach (var rate in new[] { "dailyCompletionRate", "monthCompletionRate", "onTimeRate", "processingSpeedUp", "averagePromisedWorkingDays" })
            {
                var cell = sheet.Single(c => c.Key.EndsWith($"({rate})", StringComparison.Ordinal)).Value;
                Assert.Equal(Rate(json, rate), cell is null or "" ? null : Convert.ToDouble(cell, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var definitions = file.Query(useHeaderRow: true, sheetName: "口径").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(report.GetProperty("definitions").GetArrayLength(), definitions.Count);
        Assert.Contains(definitions, d => (string?)d["名称(name)"] == "当月办结率");
    }

    [Fact]
    public async Task ThePublicMonthlySummary_DisclosesEachEndedMonth_WithoutLoggingIn()
    {
        var anonymous = scenario.Host.CreateClient();
        var march = Row(await scenario.ReportAsync("from=2026-03-01&to=2026-03-31"), "2026-03-01..2026-03-31");

        var summary = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/statistics/monthly?year=2026");

        // April is not over on 30 April: it is disclosed from 1 May.
        Assert.Equal(["2026-01", "2026-02", "2026-03"], summary.GetProperty("months").EnumerateArray().Select(m => m.Str("period")));
        var disclosed = Parse(summary.GetProperty("months").EnumerateArray().Last().GetRawText());
        foreach (var figure in new[] { "accepted", "completed", "instantCompleted", "overdue", "statutoryOverdue" })
        {
            Assert.Equal(Int(march, figure), Int(disclosed, figure));
        }

        Assert.Equal(Rate(march, "dailyCompletionRate"), Rate(disclosed, "dailyCompletionRate"));
        Assert.Equal(4, Int(summary.GetProperty("total"), "accepted"));
        Assert.NotEmpty(summary.GetProperty("definitions").EnumerateArray());
        Assert.Equal(0, (await anonymous.GetFromJsonAsync<JsonElement>("/api/public/statistics/monthly?year=2025")).GetProperty("total").GetProperty("accepted").GetInt32());
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("2027")]
    [InlineData("twenty")]
    public async Task ThePublicMonthlySummary_RefusesAYearItCannotHave(string year)
    {
        var response = await scenario.Host.CreateClient().GetAsync($"/api/public/statistics/monthly?year={year}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // Guards the triggers' and the fold's arithmetic: every change a case went through (acceptance, pause,
    // resumption, completion) was added and taken away again so that the totals equal a count made from scratch.
    [Fact]
    public async Task TheDayTotals_EqualACountFromScratch_AfterEveryChange()
    {
        await using var scope = scenario.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        await scope.ServiceProvider.GetRequiredService<DayTotalsFold>().RunAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var kept = Comparable(await db.DayTotals.AsNoTracking().ToListAsync());

        await db.Database.ExecuteSqlRawAsync(DayTotalsSql.Rebuild(sqlServer: false));
        var counted = Comparable(await db.DayTotals.AsNoTracking().ToListAsync());
        await transaction.RollbackAsync();

        Assert.NotEmpty(counted);
        Assert.Equal(counted, kept);
    }

    // A SQLite migration that rebuilds the Cases table drops its triggers; the statistics would stop without a word.
    [Fact]
    public async Task AfterEveryMigration_TheCasesTriggersAreInPlace()
    {
        await using var scope = scenario.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();

        var triggers = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Cases'").ToListAsync();

        Assert.Equal(DayTotalsSql.TriggerNames.Take(3).Order(), triggers.Order());
    }

    private static List<string> Comparable(List<DayTotal> totals) =>
    [
        .. totals.Select(t => (t, Line: string.Join(",", t.Accepted, t.AcceptedInstant, t.CompletedSameDay, t.CompletedSameMonth, t.Completed,
                t.CompletedInstant, t.CompletedOnTime, t.CompletedEarly, t.CompletedStatutoryLate, t.PromisedWorkingDays,
                Math.Round(t.PromisedSpeedUpSum, 9) + 0.0, Math.Round(t.ProcessingSpeedUpSum, 9) + 0.0,
                t.PromisedDue, t.PromisedDueMet, t.StatutoryDue, t.StatutoryDueMet)))
            .Where(x => x.Line.Split(',').Any(v => v != "0"))
            .Select(x => $"{x.t.Day:yyyy-MM-dd} {x.t.Department} {x.t.ItemCode} {x.t.Window}: {x.Line}")
            .Order(StringComparer.Ordinal),
    ];

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
