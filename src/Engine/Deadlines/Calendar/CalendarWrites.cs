using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;

namespace Approval.Engine.Deadlines;

/// <summary>What the calendar's write use cases share: who may write, the audit's view of days, and what follows a change.</summary>
internal static class CalendarWrites
{
    /// <summary>Null when <paramref name="user"/> may change the calendar (<see cref="Policies.Calendar.Manage"/>).</summary>
    public static async Task<Refusal?> RefuseCalendarChangeAsync(this IAuthorizationService authorization, ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Calendar.Manage)).Succeeded
            ? null
            : new Refusal.Forbidden("Only administrators (中心管理员) change the working-day calendar.");

    public static Refusal.Invalid Invalid(string title, IEnumerable<CalendarProblem> problems) =>
        new([.. problems.Select(p => new FieldError(p.Where, p.Message))], title);

    /// <summary>A year's special days as an audit entry shows them, in date order.</summary>
    public static List<string> AuditDays(IEnumerable<CalendarDay> days) =>
        [.. days.OrderBy(d => d.Date).Select(d => $"{d.Date:yyyy-MM-dd} {d.Kind}{(d.Name is null ? "" : " " + d.Name)}")];

    // Not the caller's token: once committed, this node's calendar and the listeners must hear of it.
    public static async Task ChangedAsync(
        ApprovalDbContext db, WorkingCalendar calendar, IEnumerable<ICalendarChangeListener> listeners, int year, ILogger logger)
    {
        await calendar.ReloadAsync(db, CancellationToken.None);
        await CalendarChangeNotice.NotifyAsync(listeners, [year], logger);
    }
}
