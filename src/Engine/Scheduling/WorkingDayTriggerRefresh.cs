using Approval.Engine.Deadlines;
using Quartz;

namespace Approval.Engine.Scheduling;

/// <summary>
/// After an administrator changes the holiday data, recomputes the next fire time of every
/// trigger on the working-day calendar: a trigger waiting for Monday must fire on a Saturday that
/// has just become a make-up working day, and not on a day that has just become a holiday.
/// </summary>
/// <remarks>
/// Calendar changes made while the application starts (a year stored from its file) need nothing:
/// the scheduler starts after them and computes its fire times from the calendar as loaded.
/// </remarks>
internal sealed class WorkingDayTriggerRefresh(
    ISchedulerFactory schedulers, WorkingCalendar days, IHostApplicationLifetime lifetime) : ICalendarChangeListener
{
    public async Task CalendarChangedAsync(IReadOnlyList<int> years, CancellationToken ct)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.AddCalendar(
            WorkingDayQuartzCalendar.Name, new WorkingDayQuartzCalendar(days), AddCalendarOptions.ReplacingAndUpdatingTriggers, ct);
    }
}
