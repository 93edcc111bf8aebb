namespace Approval.Engine.Deadlines;

internal sealed record CalendarYearSummary(int Year, string Source, int WorkingDays, DateTimeOffset UpdatedAt, string? UpdatedBy)
{
    public static CalendarYearSummary From(CalendarYear year) =>
        new(year.Year, year.Source, WorkingCalendar.WorkingDaysIn(year), year.UpdatedAt, year.UpdatedBy);
}

/// <summary>A year as stored: its days off and make-up working days, including administrators' adjustments.</summary>
internal sealed record CalendarYearResponse(
    int Year, string Source, int WorkingDays, DateTimeOffset UpdatedAt, string? UpdatedBy, IReadOnlyList<CalendarDayEntry> Days)
{
    public static CalendarYearResponse From(CalendarYear year) => new(
        year.Year, year.Source, WorkingCalendar.WorkingDaysIn(year), year.UpdatedAt, year.UpdatedBy,
        [.. year.Days.OrderBy(d => d.Date).Select(d => new CalendarDayEntry(d.Date, d.Kind, d.Name))]);
}

internal sealed record CalendarDayEntry(DateOnly Date, CalendarDayKind Kind, string? Name);

/// <summary>What an administrator makes one day: a day off, a make-up working day, or back to what its weekday says.</summary>
internal sealed record DayAdjustment(CalendarDaySetting? Kind, string? Name);

internal enum CalendarDaySetting
{
    /// <summary>Monday to Friday work, Saturday and Sunday do not.</summary>
    Normal,
    Holiday,
    MakeUpWorkday,
}

internal sealed record CalendarDayResponse(DateOnly Date, CalendarDaySetting Kind, string? Name, bool WorkingDay);

internal sealed record DeadlineRequest(DateOnly? Accepted, int? Days, IReadOnlyList<DeadlinePause?>? Pauses, int? ExtensionDays);

internal sealed record DeadlinePause(DateOnly? Start, DateOnly? End);

/// <summary>The deadline's date, whether it may move when a year's holidays are added, and the instant it runs out (UTC).</summary>
internal sealed record DeadlineResponse(DateOnly Deadline, bool Provisional, DateTimeOffset EndsAt)
{
    public static DeadlineResponse From(Deadline deadline) => new(deadline.Date, deadline.Provisional, deadline.EndsAt);
}

internal sealed record WorkingDaysResponse(DateOnly From, DateOnly To, int WorkingDays, bool Provisional);
