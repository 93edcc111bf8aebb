using System.Globalization;
using Approval.Engine.Deadlines;
using static Approval.Engine.Statistics.StatisticsReport;

namespace Approval.Engine.Statistics;

/// <summary>Cuts the rows a report read into its periods and groups, and counts each one's figures.</summary>
internal sealed class ReportAssembly(
    ReportQuery query, IReadOnlyList<DayTotal> rows, IReadOnlyList<Carried> carried, IReadOnlyList<StoppedCase> stopped,
    IReadOnlyList<CatalogueEntry> catalogue, WorkingCalendar calendar, IReadOnlyList<SideFigure> sides)
{
    public List<FigureRow> Rows(ReportPeriod period, ReportGroup group)
    {
        var keyOf = KeyOf(group);
        var buckets = Buckets(query.From, query.To, period);
        var sums = new Dictionary<(int Bucket, string Key), FigureSums>();
        FigureSums At(int bucket, string key) =>
            sums.TryGetValue((bucket, key), out var s) ? s : sums[(bucket, key)] = new FigureSums();

        foreach (var day in rows.GroupBy(t => (Key: keyOf(t.Department, t.ItemCode, t.Window), t.Day)))
        {
            var figures = At(BucketOf(day.Key.Day, period), day.Key.Key);
            foreach (var total in day)
            {
                figures.Add(total);
            }

            var accepted = day.Sum(t => t.Accepted);
            if (accepted > 0 && calendar.IsWorkingDay(day.Key.Day))
            {
                figures.AddDailyRate((double)day.Sum(t => t.CompletedSameDay) / accepted);
            }
        }

        foreach (var side in sides)
        {
            At(BucketOf(side.Day, period), keyOf(side.Department, side.ItemCode, side.Window)).Add(side);
        }

        var keys = Keys(group, keyOf);
        CountOpenPastDeadline(buckets, keys, keyOf, At);
        CountStopped(buckets, keyOf, At);

        var name = Names(group);
        return [.. buckets.SelectMany((b, i) => keys.Select(key =>
            (sums.GetValueOrDefault((i, key)) ?? new FigureSums())
                .ToRow(b.Label, b.From, b.To, ReportQuery.GroupNames[(int)group], key.Length == 0 ? null : key, name(key))))];
    }

    // Open past a deadline at the end T of each period: carried in, plus the deadlines due before T,
    // less those met, less those completed late by T (see DayTotalsSql for the columns).
    private void CountOpenPastDeadline(
        List<Bucket> buckets, List<string> keys, Func<string, string, string, string> keyOf, Func<int, string, FigureSums> at)
    {
        var carriedIn = carried.GroupBy(c => keyOf(c.Department, c.ItemCode, c.Window))
            .ToDictionary(g => g.Key, g => (Promised: g.Sum(c => c.OverdueOpen), Statutory: g.Sum(c => c.StatutoryOverdueOpen)));
        var byKey = rows.GroupBy(t => keyOf(t.Department, t.ItemCode, t.Window)).ToDictionary(
            g => g.Key,
            g => g.GroupBy(t => t.Day).OrderBy(d => d.Key).Select(d => (
                Day: d.Key,
                Due: d.Sum(t => t.PromisedDue - t.PromisedDueMet),
                Late: d.Sum(t => t.Completed - t.CompletedOnTime),
                StatutoryDue: d.Sum(t => t.StatutoryDue - t.StatutoryDueMet),
                StatutoryLate: d.Sum(t => t.CompletedStatutoryLate))).ToList());
        foreach (var key in keys)
        {
            var (open, statutoryOpen) = carriedIn.GetValueOrDefault(key);
            var days = byKey.GetValueOrDefault(key) ?? [];
            int due = 0, late = 0;
            for (var b = 0; b < buckets.Count; b++)
            {
                var end = buckets[b].To;
                for (; due < days.Count && days[due].Day < end; due++)
                {
                    open += days[due].Due;
                    statutoryOpen += days[due].StatutoryDue;
                }

                for (; late < days.Count && days[late].Day <= end; late++)
                {
                    open -= days[late].Late;
                    statutoryOpen -= days[late].StatutoryLate;
                }

                if (open != 0 || statutoryOpen != 0)
                {
                    var figures = at(b, key);
                    figures.OverdueOpen += open;
                    figures.StatutoryOverdueOpen += statutoryOpen;
                }
            }
        }
    }

    // At an end T where a stopped case was open and a pause of it not yet over, its deadlines count the days
    // stopped through T, not the whole pause as stored: the case is moved in or out of the overdue count.
    private void CountStopped(List<Bucket> buckets, Func<string, string, string, string> keyOf, Func<int, string, FigureSums> at)
    {
        foreach (var @case in stopped)
        {
            var key = keyOf(@case.Department, @case.ItemCode, @case.Window);
            for (var b = 0; b < buckets.Count; b++)
            {
                var end = buckets[b].To;
                if (end < @case.AcceptedOn || @case.CompletedOn <= end || @case.Pauses.All(p => p.End <= end))
                {
                    continue;
                }

                List<DatePause> through = [.. @case.Pauses.Select(p => new DatePause(p.Start, Max(p.Start, Min(p.End ?? end, end))))];
                var promised = calendar.Compute(@case.AcceptedOn, @case.PromisedLimit, through, @case.ExtensionDays).Date;
                var statutory = calendar.Compute(@case.AcceptedOn, @case.StatutoryLimit, through, @case.ExtensionDays).Date;
                var figures = at(b, key);
                figures.OverdueOpen += (promised < end ? 1 : 0) - (@case.PromisedDeadline < end ? 1 : 0);
                figures.StatutoryOverdueOpen += (statutory < end ? 1 : 0) - (@case.StatutoryDeadline < end ? 1 : 0);
            }
        }
    }

    private static Func<string, string, string, string> KeyOf(ReportGroup group) => group switch
    {
        ReportGroup.Department => (department, _, _) => department,
        ReportGroup.Window => (_, _, window) => window,
        ReportGroup.Item => (_, item, _) => item,
        _ => (_, _, _) => "",
    };

    // Every department or item of the catalogue the filters allow, quiet ones included, and whatever the figures name.
    private List<string> Keys(ReportGroup group, Func<string, string, string, string> keyOf)
    {
        var entries = catalogue.Where(e => (query.Department is null || e.Department == query.Department) && (query.Item is null || e.Code == query.Item));
        IEnumerable<string> known = group switch
        {
            ReportGroup.Centre => [""],
            ReportGroup.Department => entries.Select(e => e.Department),
            ReportGroup.Item => entries.Select(e => e.Code),
            _ => [],
        };
        return [.. known
            .Concat(rows.Select(t => keyOf(t.Department, t.ItemCode, t.Window)))
            .Concat(carried.Where(c => c.OverdueOpen != 0 || c.StatutoryOverdueOpen != 0).Select(c => keyOf(c.Department, c.ItemCode, c.Window)))
            .Concat(stopped.Select(s => keyOf(s.Department, s.ItemCode, s.Window)))
            .Concat(sides.Select(s => keyOf(s.Department, s.ItemCode, s.Window)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    private Func<string, string> Names(ReportGroup group)
    {
        var departments = catalogue.GroupBy(e => e.Department).ToDictionary(g => g.Key, g => g.First().DepartmentName);
        var items = catalogue.ToDictionary(e => e.Code, e => e.Name);
        return group switch
        {
            ReportGroup.Department => key => key.Length == 0 ? NoItemName : departments.GetValueOrDefault(key, key),
            ReportGroup.Item => key => key.Length == 0 ? NoItemName : items.GetValueOrDefault(key, key),
            ReportGroup.Window => key => key.Length == 0 ? NoWindowName : key,
            _ => _ => CentreName,
        };
    }

    internal sealed record Bucket(DateOnly From, DateOnly To, string Label);

    /// <summary>The periods from..to is cut into, oldest first; the first and last cut at from and to.</summary>
    internal static List<Bucket> Buckets(DateOnly from, DateOnly to, ReportPeriod period)
    {
        if (period == ReportPeriod.Range)
        {
            return [new(from, to, $"{Iso(from)}..{Iso(to)}")];
        }

        var buckets = new List<Bucket>();
        for (var start = from; start <= to;)
        {
            var next = period switch
            {
                ReportPeriod.Day => start.AddDays(1),
                ReportPeriod.Month => new DateOnly(start.Year, start.Month, 1).AddMonths(1),
                _ => new DateOnly(start.Year + 1, 1, 1),
            };
            var end = Min(next.AddDays(-1), to);
            buckets.Add(new(start, end, period switch
            {
                ReportPeriod.Day => Iso(start),
                ReportPeriod.Month => Iso(start)[..7],
                _ => Iso(start)[..4],
            }));
            start = next;
        }

        return buckets;
    }

    private int BucketOf(DateOnly day, ReportPeriod period) => period switch
    {
        ReportPeriod.Day => day.DayNumber - query.From.DayNumber,
        ReportPeriod.Month => (day.Year * 12 + day.Month) - (query.From.Year * 12 + query.From.Month),
        ReportPeriod.Year => day.Year - query.From.Year,
        _ => 0,
    };

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
