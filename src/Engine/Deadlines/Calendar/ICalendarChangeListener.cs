namespace Approval.Engine.Deadlines;

/// <summary>
/// Told after the working-day calendar of some years changed: a year's data was added (at start
/// from a data file, or by an administrator), replaced, or one of its days adjusted. By then the
/// change is committed and <see cref="WorkingCalendar"/> answers with it, so a listener can
/// recompute the deadlines that counted days in those years (provisional ones first of all) and
/// record the change on each case. Register implementations in DI; all of them are called, in
/// registration order, each in the caller's scope.
/// </summary>
public interface ICalendarChangeListener
{
    Task CalendarChangedAsync(IReadOnlyList<int> years, CancellationToken ct);
}

internal static class CalendarChangeNotice
{
    /// <summary>
    /// Calls every listener. A failing listener is logged and does not stop the others: the
    /// calendar change is already committed, so an error here must not read as "nothing changed".
    /// </summary>
    public static async Task NotifyAsync(IEnumerable<ICalendarChangeListener> listeners, IReadOnlyList<int> years, ILogger logger)
    {
        foreach (var listener in listeners)
        {
            try
            {
                // Not the request's token: a caller hanging up must not leave deadlines half recomputed.
                await listener.CalendarChangedAsync(years, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Listener} failed on the calendar change of {Years}.", listener.GetType().Name, string.Join(", ", years));
            }
        }
    }
}
