using System.Text.Json;
using System.Text.Json.Serialization;

namespace Approval.Engine.Deadlines;

/// <summary>
/// A year's holiday arrangement as the notice gives it: the format of Deadlines/Holidays/{year}.json
/// and of PUT /api/calendar/{year}. <see cref="Year"/> may be left out of a PUT body.
/// </summary>
internal sealed record CalendarYearDocument(int? Year, string? Source, IReadOnlyList<HolidayDocument?>? Holidays)
{
    public const int MaxSourceLength = 500;
    public const int MaxNameLength = 100;

    /// <summary>Holiday data files are read as strictly as request bodies: a misspelt member is an error.</summary>
    public static JsonSerializerOptions FileOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        PropertyNameCaseInsensitive = false,
    };

    /// <summary>Every problem with this arrangement as the data of <paramref name="year"/>, each with a JSON Pointer to where it is.</summary>
    public IReadOnlyList<CalendarProblem> Validate(int year)
    {
        var problems = new List<CalendarProblem>();
        if (year is < CalendarLimits.FirstYear or > CalendarLimits.LastYear)
        {
            problems.Add(new("year", $"The year must be from {CalendarLimits.FirstYear} to {CalendarLimits.LastYear}."));
            return problems;
        }

        if (Year is { } stated && stated != year)
        {
            problems.Add(new("/year", $"The body is for {stated}, not {year}."));
        }

        if (string.IsNullOrWhiteSpace(Source))
        {
            problems.Add(new("/source", "The source (the notice's title, number and date) is required."));
        }
        else if (Source.Length > MaxSourceLength)
        {
            problems.Add(new("/source", $"The source is at most {MaxSourceLength} characters."));
        }

        if (Holidays is null)
        {
            problems.Add(new("/holidays", "The holidays are required (an empty list if the year has none)."));
            return problems;
        }

        var seen = new Dictionary<DateOnly, (string Where, bool DayOff)>();
        for (var i = 0; i < Holidays.Count; i++)
        {
            ValidateHoliday(year, Holidays[i], $"/holidays/{i}", seen, problems);
        }

        // Make-up days after every day off is known, so that one listed before its holiday is caught too.
        for (var i = 0; i < Holidays.Count; i++)
        {
            var makeUp = Holidays[i]?.MakeUpWorkdays ?? [];
            for (var j = 0; j < makeUp.Count; j++)
            {
                ValidateMakeUpDay(year, makeUp[j], $"/holidays/{i}/makeUpWorkdays/{j}", seen, problems);
            }
        }

        return problems;
    }

    /// <summary>The stored form: one row per day off and per make-up working day. Call only when <see cref="Validate"/> found nothing.</summary>
    public List<CalendarDay> ToDays(int year) =>
    [
        .. Holidays!.SelectMany(h => EachDay(h!.From!.Value, h.To!.Value)
            .Select(d => new CalendarDay { Date = d, Year = year, Kind = CalendarDayKind.Holiday, Name = h.Name!.Trim() })),
        .. Holidays!.SelectMany(h => (h!.MakeUpWorkdays ?? [])
            .Select(d => new CalendarDay { Date = d, Year = year, Kind = CalendarDayKind.MakeUpWorkday, Name = h.Name!.Trim() })),
    ];

    private static void ValidateHoliday(int year, HolidayDocument? holiday, string at, Dictionary<DateOnly, (string Where, bool DayOff)> seen, List<CalendarProblem> problems)
    {
        if (holiday is null)
        {
            problems.Add(new(at, "A holiday cannot be null."));
            return;
        }

        if (string.IsNullOrWhiteSpace(holiday.Name))
        {
            problems.Add(new($"{at}/name", "The holiday's name is required."));
        }
        else if (holiday.Name.Length > MaxNameLength)
        {
            problems.Add(new($"{at}/name", $"The name is at most {MaxNameLength} characters."));
        }

        var from = Required(holiday.From, $"{at}/from", year, problems);
        var to = Required(holiday.To, $"{at}/to", year, problems);
        if (from is null || to is null)
        {
            return;
        }

        if (to < from)
        {
            problems.Add(new($"{at}/to", $"The last day off {to:yyyy-MM-dd} is before the first {from:yyyy-MM-dd}."));
            return;
        }

        foreach (var day in EachDay(from.Value, to.Value))
        {
            if (!seen.TryAdd(day, ($"{at}/from", true)))
            {
                problems.Add(new($"{at}/from", $"{day:yyyy-MM-dd} is already a day off at {seen[day].Where}."));
                return;
            }
        }
    }

    private static void ValidateMakeUpDay(int year, DateOnly day, string at, Dictionary<DateOnly, (string Where, bool DayOff)> seen, List<CalendarProblem> problems)
    {
        if (day.Year != year)
        {
            problems.Add(new(at, $"{day:yyyy-MM-dd} is not in {year}."));
        }
        else if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            problems.Add(new(at, $"{day:yyyy-MM-dd} is a {day.DayOfWeek}: a make-up working day must be a Saturday or Sunday."));
        }
        else if (seen.TryGetValue(day, out var earlier))
        {
            problems.Add(new(at, earlier.DayOff
                ? $"{day:yyyy-MM-dd} is a day off at {earlier.Where}; it cannot also be a make-up working day."
                : $"{day:yyyy-MM-dd} is already a make-up working day at {earlier.Where}."));
        }
        else
        {
            seen.Add(day, (at, false));
        }
    }

    private static DateOnly? Required(DateOnly? day, string at, int year, List<CalendarProblem> problems)
    {
        if (day is null)
        {
            problems.Add(new(at, "A date (YYYY-MM-DD) is required."));
            return null;
        }

        if (day.Value.Year != year)
        {
            problems.Add(new(at, $"{day:yyyy-MM-dd} is not in {year}."));
            return null;
        }

        return day;
    }

    private static IEnumerable<DateOnly> EachDay(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}

/// <summary>A named holiday (节日): its days off, <see cref="From"/> to <see cref="To"/> inclusive, and its make-up working days.</summary>
internal sealed record HolidayDocument(string? Name, DateOnly? From, DateOnly? To, IReadOnlyList<DateOnly>? MakeUpWorkdays);

/// <summary>One thing wrong with calendar input, and where: a JSON Pointer into the body, or a parameter's name.</summary>
internal sealed record CalendarProblem(string Where, string Message);

/// <summary>The years the calendar accepts: wide enough for any case, narrow enough that no count can overflow.</summary>
internal static class CalendarLimits
{
    public const int FirstYear = 2000;
    public const int LastYear = 2199;

    public static bool Contains(DateOnly day) => day.Year is >= FirstYear and <= LastYear;
}
