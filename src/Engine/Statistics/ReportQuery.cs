using Approval.Engine.Deadlines;

namespace Approval.Engine.Statistics;

/// <summary>How a report cuts its period: not at all, or into days, calendar months or calendar years.</summary>
public enum ReportPeriod
{
    Range,
    Day,
    Month,
    Year,
}

/// <summary>Whom a report's rows are for: the whole centre, each department, each accepting window or each item.</summary>
public enum ReportGroup
{
    Centre,
    Department,
    Window,
    Item,
}

/// <summary>A report asked for: the days from..to (both included), how they are cut and grouped, and whose cases.</summary>
internal sealed record ReportQuery(
    DateOnly From, DateOnly To, ReportPeriod Period, ReportGroup Group, string? Department = null, string? Window = null, string? Item = null)
{
    /// <summary>Days one request may span when cut into days.</summary>
    public const int MaxDaysByDay = 366;

    /// <summary>Days one request may span otherwise: ten years.</summary>
    public const int MaxDays = 3660;

    public static readonly string[] PeriodNames = ["range", "day", "month", "year"];

    /// <summary>The last day of the first period the report is cut into: every period ends on or after it.</summary>
    public DateOnly FirstEnd
    {
        get
        {
            var end = Period switch
            {
                ReportPeriod.Day => From,
                ReportPeriod.Month => new DateOnly(From.Year, From.Month, 1).AddMonths(1).AddDays(-1),
                ReportPeriod.Year => new DateOnly(From.Year, 12, 31),
                _ => To,
            };
            return end < To ? end : To;
        }
    }

    public static readonly string[] GroupNames = ["centre", "department", "window", "item"];

    /// <summary>
    /// Reads the query string: from and to (YYYY-MM-DD; to defaults to today, from to 1 January of
    /// to's year), groupBy (a period and/or a group, comma-separated, e.g. "month,department"; the
    /// defaults are range and centre) and the filters. A period that ends after today ends today.
    /// </summary>
    public static ReportQuery? Parse(
        string? from, string? to, string? groupBy, string? department, string? window, string? item, DateOnly today,
        List<CalendarProblem> problems)
    {
        var last = string.IsNullOrWhiteSpace(to) ? today : PublicCalendarApi.ParseDate(to, "to", problems);
        var first = string.IsNullOrWhiteSpace(from) ? last is { } l ? new DateOnly(l.Year, 1, 1) : null : PublicCalendarApi.ParseDate(from, "from", problems);
        var (period, group) = ParseGroupBy(groupBy, problems);
        foreach (var (name, value, max) in new[] { ("department", department, 100), ("window", window, 50), ("item", item, 50) })
        {
            if (value?.Length > max)
            {
                problems.Add(new(name, $"{name} is at most {max} characters."));
            }
        }

        if (first is not { } start || last is not { } end)
        {
            return null;
        }

        if (end < start)
        {
            problems.Add(new("to", "to is on or after from."));
        }
        else if (start > today)
        {
            problems.Add(new("from", $"The period has not begun: from is after today ({today:yyyy-MM-dd})."));
        }
        else
        {
            end = end > today ? today : end;
            var max = period == ReportPeriod.Day ? MaxDaysByDay : MaxDays;
            if (end.DayNumber - start.DayNumber >= max)
            {
                problems.Add(new("to", $"A report spans at most {max} days{(period == ReportPeriod.Day ? " when cut into days" : "")}."));
            }
        }

        return problems.Count > 0 ? null : new ReportQuery(start, end, period, group, Blank(department), Blank(window), Blank(item));
    }

    private static (ReportPeriod, ReportGroup) ParseGroupBy(string? groupBy, List<CalendarProblem> problems)
    {
        ReportPeriod? period = null;
        ReportGroup? group = null;
        foreach (var part in (groupBy ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = part.ToLowerInvariant() == "center" ? "centre" : part.ToLowerInvariant();
            var p = Array.IndexOf(PeriodNames, name);
            var g = Array.IndexOf(GroupNames, name);
            if (p >= 0 && period is null)
            {
                period = (ReportPeriod)p;
            }
            else if (g >= 0 && group is null)
            {
                group = (ReportGroup)g;
            }
            else
            {
                problems.Add(new("groupBy", p >= 0 || g >= 0
                    ? $"groupBy takes at most one period ({string.Join(", ", PeriodNames)}) and one group ({string.Join(", ", GroupNames)}); '{part}' is a second."
                    : $"'{part}' is not a grouping: use a period ({string.Join(", ", PeriodNames)}) and/or a group ({string.Join(", ", GroupNames)}), e.g. groupBy=month,department."));
            }
        }

        return (period ?? ReportPeriod.Range, group ?? ReportGroup.Centre);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
