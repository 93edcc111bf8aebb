using Approval.Activities.Contract;
using Approval.Engine.Clock;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Statistics;

/// <summary>The stored daily snapshots, for the supervision office and administrators.</summary>
internal static class StatisticsApi
{
    /// <summary>The longest window one request may ask for, in days.</summary>
    public const int MaxDays = 366;

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/statistics").WithTags("Statistics")
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator));
        group.MapGet("/daily", DailyAsync)
            .WithSummary("The daily snapshots from..to (YYYY-MM-DD, both included; to defaults to today, from to 30 days before it), optionally of one department.");
        return app;
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
