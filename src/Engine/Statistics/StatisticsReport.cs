using Approval.Engine.Cases;
using Approval.Engine.Deadlines;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Statistics;

/// <summary>A report: what was asked, the definitions it used, a row per period and group, and the whole of it.</summary>
public sealed record StatisticsReportResponse(
    DateOnly From,
    DateOnly To,
    DateOnly AsOf,
    string Period,
    string GroupBy,
    ReportFilter Filter,
    IReadOnlyList<FigureDefinition> Definitions,
    IReadOnlyList<FigureRow> Rows,
    FigureRow Total);

public sealed record ReportFilter(string? Department, string? Window, string? Item);

/// <summary>
/// Counts a report from the <see cref="DayTotal"/>s: the period's rows give every sum; the rows
/// before it and the period's deadline days give the cases still open past a deadline at the end
/// of each period; the few cases a special procedure stopped at such an end (begun before it, not yet
/// ended) are counted one by one with their deadline moved by the days stopped through that day, as the
/// supervision office sees them. A special procedure begun on or after that day counts as stored, whole.
/// </summary>
internal sealed class StatisticsReport(ApprovalDbContext db, DayTotalsFold fold, WorkingCalendar calendar)
{
    public const string CentreName = "全中心";
    public const string NoWindowName = "未记录窗口";
    public const string NoItemName = "未关联事项的咨询";

    public async Task<StatisticsReportResponse> RunAsync(ReportQuery query, DateOnly today, CancellationToken ct)
    {
        await fold.RunAsync(ct);
        var totals = Filter(db.DayTotals.AsNoTracking(), query);
        var rows = await totals.Where(t => t.Day >= query.From && t.Day <= query.To).ToListAsync(ct);

        // What was open past its deadline before the period began, as due minus met minus completed late.
        var carried = await totals.Where(t => t.Day < query.From)
            .GroupBy(t => new { t.Department, t.ItemCode, t.Window })
            .Select(g => new Carried(
                g.Key.Department, g.Key.ItemCode, g.Key.Window,
                g.Sum(t => t.PromisedDue - t.PromisedDueMet - t.Completed + t.CompletedOnTime),
                g.Sum(t => t.StatutoryDue - t.StatutoryDueMet - t.CompletedStatutoryLate)))
            .ToListAsync(ct);
        var stopped = await StoppedAsync(query, ct);
        var catalogue = await db.PowerItems.AsNoTracking()
            .Select(i => new CatalogueEntry(i.Code, i.Name, i.Department, i.DepartmentName)).ToListAsync(ct);

        var report = new ReportAssembly(query, rows, carried, stopped, catalogue, calendar, await SidesAsync(query, ct));
        return new StatisticsReportResponse(
            query.From, query.To, today,
            ReportQuery.PeriodNames[(int)query.Period], ReportQuery.GroupNames[(int)query.Group],
            new ReportFilter(query.Department, query.Window, query.Item),
            FigureDefinitions.All,
            report.Rows(query.Period, query.Group),
            report.Rows(ReportPeriod.Range, ReportGroup.Centre).Single());
    }

    // Consultations by the day answered; fees by the day their case completed (decimals are summed here: SQLite has no decimal sum).
    private async Task<List<SideFigure>> SidesAsync(ReportQuery query, CancellationToken ct)
    {
        var consultations = db.Consultations.AsNoTracking().Where(c => c.Day >= query.From && c.Day <= query.To);
        consultations = query.Department is { } department ? consultations.Where(c => c.Department == department) : consultations;
        consultations = query.Window is { } window ? consultations.Where(c => (c.Window ?? "") == window) : consultations;
        consultations = query.Item is { } item ? consultations.Where(c => c.ItemCode == item) : consultations;
        var asked = await consultations
            .GroupBy(c => new { c.Day, c.Department, c.ItemCode, c.Window })
            .Select(g => new SideFigure(g.Key.Day, g.Key.Department ?? "", g.Key.ItemCode ?? "", g.Key.Window ?? "", g.Count(), 0, 0m))
            .ToListAsync(ct);

        var charged = db.Cases.AsNoTracking().Where(c => !c.Trial && c.ItemCode != null && c.Department != null && c.FeeCharged != null
            && c.CompletedOn >= query.From && c.CompletedOn <= query.To);
        charged = query.Department is { } d ? charged.Where(c => c.Department == d) : charged;
        charged = query.Window is { } w ? charged.Where(c => (c.AcceptedWindow ?? "") == w) : charged;
        charged = query.Item is { } i ? charged.Where(c => c.ItemCode == i) : charged;
        var fees = (await charged.Select(c => new { Day = c.CompletedOn!.Value, c.Department, c.ItemCode, c.AcceptedWindow, c.FeeCharged }).ToListAsync(ct))
            .Select(c => new SideFigure(c.Day, c.Department!, c.ItemCode!, c.AcceptedWindow ?? "", 0, c.FeeCharged > 0 ? 1 : 0, c.FeeCharged!.Value));
        return [.. asked, .. fees];
    }

    private static IQueryable<DayTotal> Filter(IQueryable<DayTotal> totals, ReportQuery query)
    {
        totals = query.Department is { } department ? totals.Where(t => t.Department == department) : totals;
        totals = query.Window is { } window ? totals.Where(t => t.Window == window) : totals;
        return query.Item is { } item ? totals.Where(t => t.ItemCode == item) : totals;
    }

    // Cases a special procedure stopped at a period's end T (begun before T, not ended by T): their stored deadlines
    // count each pause whole, so they are counted one by one with the days stopped through T. The pauses not over by
    // the first end are read (a small table), those spanning an end picked here, and then only their cases, by key.
    private async Task<List<StoppedCase>> StoppedAsync(ReportQuery query, CancellationToken ct)
    {
        var firstEnd = query.FirstEnd;
        var ends = ReportAssembly.Buckets(query.From, query.To, query.Period).Select(b => b.To).Append(query.To).Distinct().Order().ToArray();
        var pausedAtAnEnd = (await db.CasePauses.AsNoTracking().Where(p => p.End == null || p.End > firstEnd)
                .Select(p => new { p.CaseId, p.Start, p.End }).ToListAsync(ct))
            .Where(p => Spans(ends, p.Start, p.End)).Select(p => p.CaseId).Distinct().ToList();
        if (pausedAtAnEnd.Count == 0)
        {
            return [];
        }

        var cases = db.Cases.AsNoTracking().Where(c => pausedAtAnEnd.Contains(c.Id) && !c.Trial && c.ItemCode != null && c.Department != null
            && c.AcceptedOn <= query.To && (c.CompletedOn == null || c.CompletedOn > firstEnd));
        cases = query.Department is { } department ? cases.Where(c => c.Department == department) : cases;
        cases = query.Window is { } window ? cases.Where(c => (c.AcceptedWindow ?? "") == window) : cases;
        cases = query.Item is { } item ? cases.Where(c => c.ItemCode == item) : cases;
        var found = await cases.Select(c => new StoppedCase(
            c.Id, c.Department!, c.ItemCode!, c.AcceptedWindow ?? "", c.AcceptedOn!.Value, c.CompletedOn, c.PromisedLimit, c.StatutoryLimit,
            c.Extension == ExtensionState.Approved ? c.ExtensionDays : 0, c.PromisedDeadline, c.StatutoryDeadline)).ToListAsync(ct);
        if (found.Count == 0)
        {
            return [];
        }

        var ids = found.Select(c => c.Id).ToList();
        var pauses = (await db.CasePauses.AsNoTracking().Where(p => ids.Contains(p.CaseId)).Select(p => new { p.CaseId, p.Start, p.End }).ToListAsync(ct))
            .ToLookup(p => p.CaseId, p => (p.Start, p.End));
        return [.. found.Select(c => c with { Pauses = [.. pauses[c.Id]] })];
    }

    // Whether a period end T falls inside the pause: it began before T and had not ended by T.
    private static bool Spans(DateOnly[] ends, DateOnly start, DateOnly? end)
    {
        var index = Array.BinarySearch(ends, start.AddDays(1));
        var first = index >= 0 ? index : ~index;
        return first < ends.Length && (end is null || end > ends[first]);
    }

    internal sealed record Carried(string Department, string ItemCode, string Window, int OverdueOpen, int StatutoryOverdueOpen);

    internal sealed record StoppedCase(
        Guid Id, string Department, string ItemCode, string Window, DateOnly AcceptedOn, DateOnly? CompletedOn, int PromisedLimit,
        int StatutoryLimit, int ExtensionDays, DateOnly? PromisedDeadline, DateOnly? StatutoryDeadline)
    {
        public IReadOnlyList<(DateOnly Start, DateOnly? End)> Pauses { get; init; } = [];
    }

    internal sealed record CatalogueEntry(string Code, string Name, string Department, string DepartmentName);
}
