using System.Globalization;
using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Deadlines;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Statistics;

/// <summary>
/// The centre's figures for the supervision office, administrators and department heads (their own
/// department only): counted from the cases for any period and grouping, as JSON or a workbook; and
/// the stored daily snapshots.
/// </summary>
internal static class StatisticsApi
{
    /// <summary>The longest window one request for snapshots may ask for, in days.</summary>
    public const int MaxDays = 366;

    private const string ReportSummary =
        "?from=&to= (YYYY-MM-DD, both included; to defaults to today, from to 1 January of its year) &groupBy=period,group " +
        "(day|month|year|range and centre|department|window|item, e.g. month,department) &department=&window=&item= (filters).";

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/statistics").WithTags("Statistics");
        group.MapGet("", ReportAsync)
            .RequireAuthorization(Policies.Statistics.Read)
            .WithSummary("The centre's figures with their definitions " + ReportSummary);
        group.MapGet("/export", ExportAsync)
            .RequireAuthorization(Policies.Statistics.Read)
            .WithSummary("The same report as an .xlsx workbook, with a sheet of its definitions " + ReportSummary);
        group.MapGet("/daily", DailyAsync)
            .RequireAuthorization(Policies.Statistics.Daily)
            .WithSummary("The daily snapshots from..to (YYYY-MM-DD, both included; to defaults to today, from to 30 days before it), optionally of one department.");
        app.MapPublicStatistics();
        return app;
    }

    private static async Task<Results<Ok<StatisticsReportResponse>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        string? from, string? to, string? groupBy, string? department, string? window, string? item,
        ClaimsPrincipal user, StatisticsReport reports, TimeProvider clock, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var (query, invalid, forbidden) = Resolve(from, to, groupBy, department, window, item, user, today);
        if (invalid is not null)
        {
            return invalid;
        }

        if (query is null)
        {
            return forbidden!;
        }

        return TypedResults.Ok(await reports.RunAsync(query, today, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string? from, string? to, string? groupBy, string? department, string? window, string? item,
        ClaimsPrincipal user, StatisticsReport reports, TimeProvider clock, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var (query, invalid, forbidden) = Resolve(from, to, groupBy, department, window, item, user, today);
        if (invalid is not null)
        {
            return invalid;
        }

        if (query is null)
        {
            return forbidden!;
        }

        var report = await reports.RunAsync(query, today, ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"statistics-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.xlsx");
        return TypedResults.File(ReportSheet.Write(report), ReportSheet.ContentType, name);
    }

    private static (ReportQuery?, ValidationProblem?, ProblemHttpResult?) Resolve(
        string? from, string? to, string? groupBy, string? department, string? window, string? item, ClaimsPrincipal user, DateOnly today)
    {
        var problems = new List<CalendarProblem>();
        var query = ReportQuery.Parse(from, to, groupBy, department, window, item, today, problems);
        if (query is null)
        {
            return (null, Problems.Invalid("The statistics query is not valid.", problems.Select(p => (p.Where, p.Message))), null);
        }

        var (narrowed, refusal) = StatisticsAccess.Narrow(query, user);
        return narrowed is null ? (null, null, Problems.Forbidden(refusal!)) : (narrowed, null, null);
    }

    private static async Task<Results<Ok<List<DailySnapshotResponse>>, ValidationProblem>> DailyAsync(
        string? from, string? to, string? department, ApprovalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var problems = new List<CalendarProblem>();
        var last = to is null ? ChinaTime.Today(clock) : PublicCalendarApi.ParseDate(to, "to", problems);
        var first = from is null ? last?.AddDays(-30) : PublicCalendarApi.ParseDate(from, "from", problems);
        if (first is not null && last is not null && (last < first || last.Value.DayNumber - first.Value.DayNumber >= MaxDays))
        {
            problems.Add(new("to", $"The window is from one to {MaxDays} days, from on or before to."));
        }

        if (problems.Count > 0)
        {
            return Problems.Invalid("The statistics query is not valid.", problems.Select(p => (p.Where, p.Message)));
        }

        var snapshots = db.DailySnapshots.AsNoTracking().Where(s => s.Day >= first!.Value && s.Day <= last!.Value);
        if (!string.IsNullOrWhiteSpace(department))
        {
            snapshots = snapshots.Where(s => s.Department == department.Trim());
        }

        var rows = await snapshots.OrderBy(s => s.Day).ThenBy(s => s.Department).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(DailySnapshotResponse.From).ToList());
    }
}

internal sealed record DailySnapshotResponse(DateOnly Day, string Department, int Accepted, int Completed, int Overdue, DateTimeOffset TakenAt)
{
    public static DailySnapshotResponse From(DailySnapshot s) => new(s.Day, s.Department, s.Accepted, s.Completed, s.Overdue, s.TakenAt);
}
