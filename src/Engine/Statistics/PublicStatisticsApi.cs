using System.Globalization;
using Approval.Engine.Deadlines;
using Approval.Engine.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Engine.Statistics;

/// <summary>
/// The monthly summary the centre discloses (政务公开): the whole centre's figures for each month of a
/// year that has ended, and the year so far, with their definitions. Anyone may read it.
/// </summary>
internal static class PublicStatisticsApi
{
    /// <summary>The first year the summary answers for.</summary>
    public const int FirstYear = 2000;

    public static IEndpointRouteBuilder MapPublicStatistics(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/public/statistics").WithTags("Statistics").AllowAnonymous()
            .MapGet("/monthly", MonthlyAsync)
            .WithSummary("The centre's disclosed monthly figures for ?year= (default this year): each month that has ended, and their total.");
        return app;
    }

    private static async Task<Results<Ok<MonthlySummary>, ValidationProblem>> MonthlyAsync(
        string? year, StatisticsReport reports, TimeProvider clock, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var asked = today.Year;
        if (!string.IsNullOrWhiteSpace(year)
            && (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out asked) || asked < FirstYear || asked > today.Year))
        {
            return Problems.Invalid("year", $"year is a year from {FirstYear} to {today.Year}.");
        }

        // A month is disclosed once it is over.
        var months = asked < today.Year ? 12 : today.Month - 1;
        if (months == 0)
        {
            return TypedResults.Ok(new MonthlySummary(asked, today, FigureDefinitions.All, [], null));
        }

        var query = new ReportQuery(new DateOnly(asked, 1, 1), new DateOnly(asked, months, 1).AddMonths(1).AddDays(-1), ReportPeriod.Month, ReportGroup.Centre);
        var report = await reports.RunAsync(query, today, ct);
        return TypedResults.Ok(new MonthlySummary(asked, today, report.Definitions, report.Rows, report.Total));
    }
}

/// <summary>The disclosed months of a year, oldest first, and their total (null before the first month ends).</summary>
public sealed record MonthlySummary(int Year, DateOnly AsOf, IReadOnlyList<FigureDefinition> Definitions, IReadOnlyList<FigureRow> Months, FigureRow? Total);
