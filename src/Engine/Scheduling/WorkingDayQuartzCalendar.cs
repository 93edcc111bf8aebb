using Approval.Engine.Deadlines;
using Quartz;
using Quartz.Impl.Calendar;

namespace Approval.Engine.Scheduling;

/// <summary>
/// The working-day calendar (工作日历) as Quartz sees it: every instant of a China day that is not
/// a working day is excluded, so weekends and public holidays are, and make-up working days (调休上班)
/// are not. The days come from the <see cref="WorkingCalendar"/> singleton, the same answer the
/// case clocks get, so an administrator's change to the holiday data is seen here at once.
/// </summary>
/// <remarks>
/// Quartz stores calendars in its job store (QRTZ_CALENDARS) and reads them back whenever it
/// computes a fire time. The stored form holds no days at all, only the type, description and
/// time zone: <see cref="WorkingDayQuartzCalendarSerializer"/> re-attaches the singleton as it
/// reads one back, so no node ever works from a stale copy of the holiday data in Quartz's tables.
/// </remarks>
internal sealed class WorkingDayQuartzCalendar : BaseCalendar
{
    /// <summary>The name triggers refer to it by.</summary>
    public const string Name = "china-working-days";

    // Ten years of days off in a row is no calendar: stop looking instead of looping for ever.
    private const int SearchLimitDays = 3660;

    private readonly WorkingCalendar _days;

    public WorkingDayQuartzCalendar(WorkingCalendar days)
        : base(ChinaTime.Zone)
    {
        _days = days;
        Description = "工作日：周一至周五，除法定节假日，含调休上班日（中国时间）";
    }

    public override bool IsTimeIncluded(DateTimeOffset timeUtc) =>
        base.IsTimeIncluded(timeUtc) && _days.IsWorkingDay(ChinaTime.DateOf(timeUtc));

    /// <summary>
    /// <paramref name="timeUtc"/> itself when it is included; otherwise 00:00 China time of the next
    /// working day (or the first time after that a base calendar includes); <c>default</c> when
    /// nothing is included within ten years.
    /// </summary>
    public override DateTimeOffset GetNextIncludedTimeUtc(DateTimeOffset timeUtc)
    {
        var next = timeUtc;
        for (var i = 0; i < SearchLimitDays; i++)
        {
            var day = ChinaTime.DateOf(next);
            if (!_days.IsWorkingDay(day))
            {
                next = ChinaTime.StartOf(_days.AddWorkingDays(day, 1));
                continue;
            }

            if (base.IsTimeIncluded(next))
            {
                return next;
            }

            var later = base.GetNextIncludedTimeUtc(next);
            if (later <= next)
            {
                return default;
            }

            next = later;
        }

        return default;
    }

    public override ICalendar Clone() => CloneFields(new WorkingDayQuartzCalendar(_days));
}
