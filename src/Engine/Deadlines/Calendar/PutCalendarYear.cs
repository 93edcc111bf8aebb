using System.Globalization;
using System.Security.Claims;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>A whole year's holiday arrangement from its notice: source, holidays, make-up working days; it adds the year or replaces it.</summary>
internal sealed record PutCalendarYearCommand(int Year, CalendarYearDocument Document);

/// <summary>The year as stored now, and whether it was added (rather than replaced).</summary>
internal sealed record SavedCalendarYear(CalendarYearResponse Year, bool Added);

/// <summary>Committed, then loaded into this node's calendar, then told to the <see cref="ICalendarChangeListener"/>s.</summary>
internal sealed class PutCalendarYear(
    ApprovalDbContext db, WorkingCalendar calendar, IEnumerable<ICalendarChangeListener> listeners, TimeProvider clock,
    AuditLog audit, IAuthorizationService authorization, ILogger<PutCalendarYear> logger)
{
    public async Task<Result<SavedCalendarYear>> RunAsync(PutCalendarYearCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseCalendarChangeAsync(user) is { } refused)
        {
            return refused;
        }

        var (year, document) = command;
        var problems = document.Validate(year);
        if (problems.Count > 0)
        {
            return CalendarWrites.Invalid("The holiday arrangement is not valid.", problems);
        }

        var days = document.ToDays(year);
        var stored = await db.CalendarYears.Include(y => y.Days).FirstOrDefaultAsync(y => y.Year == year, ct);
        var added = stored is null;
        var before = stored is null ? null : new { source = stored.Source, days = CalendarWrites.AuditDays(stored.Days) };
        if (stored is null)
        {
            stored = new CalendarYear { Year = year, Source = document.Source!.Trim(), Days = days };
            db.CalendarYears.Add(stored);
        }
        else
        {
            stored.Source = document.Source!.Trim();
            stored.ConcurrencyStamp++;
            Replace(stored, days);
        }

        stored.UpdatedAt = clock.GetUtcNow();
        stored.UpdatedBy = user.Identity?.Name;

        // Deadlines move with the calendar, so the entry keeps the year as it was and as it is.
        audit.Record(AuditActions.CalendarYearSaved, AuditResources.CalendarYear, year.ToString(CultureInfo.InvariantCulture),
            new { old = before, @new = new { source = stored.Source, days = CalendarWrites.AuditDays(stored.Days) } }, Actor.From(user));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Refusal.Conflict($"The {year} calendar was changed by someone else meanwhile; reload it.");
        }

        await CalendarWrites.ChangedAsync(db, calendar, listeners, year, logger);
        return new SavedCalendarYear(CalendarYearResponse.From(stored), added);
    }

    // Rows are updated in place rather than deleted and re-added, so the replacement is one plain
    // SaveChanges: one transaction on every provider, with the year's concurrency check in it.
    private void Replace(CalendarYear stored, List<CalendarDay> days)
    {
        var wanted = days.ToDictionary(d => d.Date);
        foreach (var old in stored.Days.ToList())
        {
            if (wanted.Remove(old.Date, out var day))
            {
                old.Kind = day.Kind;
                old.Name = day.Name;
            }
            else
            {
                stored.Days.Remove(old);
                db.CalendarDays.Remove(old);
            }
        }

        stored.Days.AddRange(wanted.Values);
    }
}
