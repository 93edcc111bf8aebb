namespace Approval.Engine.Deadlines;

/// <summary>
/// A time limit's last day (期限届满日): the clock runs until its end, 24:00 China time.
/// <see cref="Provisional"/> when a day counted lies in a year whose holidays are not known yet
/// (counted Monday to Friday there); it is recomputed when that year's data arrives.
/// </summary>
internal sealed record Deadline(DateOnly Date, bool Provisional)
{
    /// <summary>The instant the time limit runs out: the start of the next China day, in UTC.</summary>
    public DateTimeOffset EndsAt => ChinaTime.EndOf(Date);
}

/// <summary>
/// A special procedure (特别程序: hearing, inspection, testing, appraisal, expert review ...) that
/// stopped the clocks: the working days d with <see cref="Start"/> &lt; d ≤ <see cref="End"/> are not counted.
/// </summary>
internal readonly record struct DatePause(DateOnly Start, DateOnly End);
