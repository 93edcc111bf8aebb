namespace Approval.Engine.Deadlines;

/// <summary>
/// Calendar days are China's (Asia/Shanghai, UTC+08:00 all year, no daylight saving); instants
/// are stored in UTC. This turns one into the other.
/// </summary>
internal static class ChinaTime
{
    /// <summary>Asia/Shanghai: what cron schedules and Quartz calendars count China days in.</summary>
    public static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>The China calendar day an instant falls on.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Today in China.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>00:00 China time at the start of <paramref name="day"/>, in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>24:00 China time at the end of <paramref name="day"/> (the next day's start), in UTC.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));

    // Machines without time zone data still know China's offset, which has been +08:00 since 1991.
    private static TimeZoneInfo FindZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
}
