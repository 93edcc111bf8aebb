using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>
/// The working-day calendar (工作日历): Monday to Friday, minus days off, plus make-up working
/// days, answered from memory. A year without data counts Monday to Friday, and a deadline that
/// counts a day there is provisional. Each answer reads one immutable snapshot, so a reload
/// never shows half a year.
/// </summary>
internal sealed class WorkingCalendar
{
    private Snapshot _snapshot = Snapshot.Empty;

    /// <summary>The years whose holidays are known, ascending.</summary>
    public IReadOnlyList<int> Years => Volatile.Read(ref _snapshot).Years;

    public bool HasData(int year) => Volatile.Read(ref _snapshot).HasData(year);

    public bool IsWorkingDay(DateOnly day) => Volatile.Read(ref _snapshot).IsWorkingDay(day);

    /// <summary>The working days d with <paramref name="fromExclusive"/> &lt; d ≤ <paramref name="toInclusive"/>; 0 when the range is empty.</summary>
    public int CountWorkingDays(DateOnly fromExclusive, DateOnly toInclusive) =>
        Volatile.Read(ref _snapshot).Count(fromExclusive, toInclusive);

    /// <summary>
    /// The working days d with <paramref name="fromExclusive"/> &lt; d ≤ <paramref name="toInclusive"/> that no pause
    /// stopped (a pause stops Start &lt; d ≤ End; overlapping pauses count a day once): the time a case actually took.
    /// </summary>
    public int CountWorkingDays(DateOnly fromExclusive, DateOnly toInclusive, IReadOnlyList<DatePause> pauses)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var stopped = Merge(fromExclusive, [.. pauses.Select(p => new DatePause(p.Start, p.End < toInclusive ? p.End : toInclusive))])
            .Sum(p => snapshot.Count(p.Start, p.End));
        return snapshot.Count(fromExclusive, toInclusive) - stopped;
    }

    /// <summary>Whether a day in (fromExclusive, toInclusive] lies in a year without data, so that a count over it may change.</summary>
    public bool IsProvisional(DateOnly fromExclusive, DateOnly toInclusive) =>
        Volatile.Read(ref _snapshot).LacksData(fromExclusive, toInclusive);

    /// <summary>The <paramref name="n"/>th working day after <paramref name="from"/>; <paramref name="from"/> itself when n is 0.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int n) => Volatile.Read(ref _snapshot).Add(from, n);

    /// <summary>
    /// The deadline of a time limit of <paramref name="days"/> working days from acceptance: the
    /// acceptance day is not counted; each pause adds the working days d with Start &lt; d ≤ End
    /// (a pause's days before acceptance are not counted, and overlapping pauses count a day once);
    /// an extension adds its working days. 0 days in all is the acceptance day itself (即办件).
    /// </summary>
    public Deadline Compute(DateOnly accepted, int days, IReadOnlyList<DatePause> pauses, int extensionDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfNegative(extensionDays);
        var snapshot = Volatile.Read(ref _snapshot);
        var provisional = false;
        var total = days + extensionDays;
        foreach (var (start, end) in Merge(accepted, pauses))
        {
            total += snapshot.Count(start, end);
            provisional |= snapshot.LacksData(start, end);
        }

        var deadline = snapshot.Add(accepted, total);
        return new Deadline(deadline, provisional || snapshot.LacksData(accepted, deadline));
    }

    /// <summary>The working days of one year as its data counts them, whatever this calendar holds.</summary>
    public static int WorkingDaysIn(CalendarYear year)
    {
        var snapshot = Snapshot.Create([year]);
        return snapshot.Count(new DateOnly(year.Year, 1, 1).AddDays(-1), new DateOnly(year.Year, 12, 31));
    }

    /// <summary>Replaces what the calendar knows with these years and their days.</summary>
    public void Load(IEnumerable<CalendarYear> years) => Volatile.Write(ref _snapshot, Snapshot.Create(years));

    /// <summary>Reads every year from the database; after an administrator's change, and at start.</summary>
    public async Task ReloadAsync(ApprovalDbContext db, CancellationToken ct = default) =>
        Load(await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct));

    // Each pause as the range (start, end] after acceptance; overlapping ranges joined so no day counts twice.
    private static List<(DateOnly Start, DateOnly End)> Merge(DateOnly accepted, IReadOnlyList<DatePause> pauses)
    {
        var merged = new List<(DateOnly Start, DateOnly End)>();
        foreach (var pause in pauses.Select(p => (Start: p.Start < accepted ? accepted : p.Start, p.End))
                     .Where(p => p.End > p.Start).OrderBy(p => p.Start))
        {
            if (merged.Count > 0 && pause.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, pause.End > merged[^1].End ? pause.End : merged[^1].End);
            }
            else
            {
                merged.Add(pause);
            }
        }

        return merged;
    }

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = Create([]);

        private readonly HashSet<int> _years;
        private readonly Dictionary<DateOnly, CalendarDayKind> _kinds;

        // The days that change a weekday count (a weekday off: -1, a weekend make-up day: +1), by
        // date, with running totals, so a count over any range is two binary searches.
        private readonly DateOnly[] _changeDates;
        private readonly int[] _changesBefore;

        private Snapshot(IReadOnlyList<int> years, Dictionary<DateOnly, CalendarDayKind> kinds)
        {
            Years = years;
            _years = [.. years];
            _kinds = kinds;
            var changes = kinds
                .Select(k => (Date: k.Key, Delta: Delta(k.Key, k.Value)))
                .Where(c => c.Delta != 0)
                .OrderBy(c => c.Date)
                .ToArray();
            _changeDates = [.. changes.Select(c => c.Date)];
            _changesBefore = new int[changes.Length + 1];
            for (var i = 0; i < changes.Length; i++)
            {
                _changesBefore[i + 1] = _changesBefore[i] + changes[i].Delta;
            }
        }

        public IReadOnlyList<int> Years { get; }

        public static Snapshot Create(IEnumerable<CalendarYear> years)
        {
            var list = years.ToList();
            return new Snapshot(
                [.. list.Select(y => y.Year).Order()],
                list.SelectMany(y => y.Days).ToDictionary(d => d.Date, d => d.Kind));
        }

        public bool HasData(int year) => _years.Contains(year);

        public bool IsWorkingDay(DateOnly day) => _kinds.TryGetValue(day, out var kind)
            ? kind == CalendarDayKind.MakeUpWorkday
            : IsWeekday(day);

        public int Count(DateOnly fromExclusive, DateOnly toInclusive)
        {
            if (toInclusive <= fromExclusive)
            {
                return 0;
            }

            return WeekdaysThrough(toInclusive) - WeekdaysThrough(fromExclusive)
                + ChangesThrough(toInclusive) - ChangesThrough(fromExclusive);
        }

        public DateOnly Add(DateOnly from, int n)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(n);
            var day = from;
            var left = n;

            // Whole weeks first while the goal is beyond them; then day by day.
            while (left > 5)
            {
                var inWeek = Count(day, day.AddDays(7));
                if (inWeek >= left)
                {
                    break;
                }

                day = day.AddDays(7);
                left -= inWeek;
            }

            while (left > 0)
            {
                day = day.AddDays(1);
                if (IsWorkingDay(day))
                {
                    left--;
                }
            }

            return day;
        }

        /// <summary>Whether a day in (fromExclusive, toInclusive] lies in a year without data.</summary>
        public bool LacksData(DateOnly fromExclusive, DateOnly toInclusive)
        {
            if (toInclusive <= fromExclusive)
            {
                return false;
            }

            for (var year = fromExclusive.AddDays(1).Year; year <= toInclusive.Year; year++)
            {
                if (!_years.Contains(year))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsWeekday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        private static int Delta(DateOnly day, CalendarDayKind kind) => (kind, IsWeekday(day)) switch
        {
            (CalendarDayKind.Holiday, true) => -1,
            (CalendarDayKind.MakeUpWorkday, false) => 1,
            _ => 0,
        };

        // Monday to Friday from 0001-01-01 (a Monday, day number 0) through the day.
        private static int WeekdaysThrough(DateOnly day)
        {
            var days = day.DayNumber + 1;
            return days / 7 * 5 + Math.Min(days % 7, 5);
        }

        private int ChangesThrough(DateOnly day)
        {
            var index = Array.BinarySearch(_changeDates, day);
            return _changesBefore[index >= 0 ? index + 1 : ~index];
        }
    }
}
