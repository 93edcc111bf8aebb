using System.Globalization;
using System.Security.Claims;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>Makes one day (<see cref="Date"/>, yyyy-MM-dd) a holiday, a make-up working day, or Normal again.</summary>
internal sealed record PutCalendarDayCommand(string Date, DayAdjustment Adjustment);

/// <summary>Committed, then loaded into this node's calendar, then told to the <see cref="ICalendarChangeListener"/>s.</summary>
internal sealed class PutCalendarDay(
    ApprovalDbContext db, WorkingCalendar calendar, IEnumerable<ICalendarChangeListener> listeners, TimeProvider clock,
    AuditLog audit, IAuthorizationService authorization, ILogger<PutCalendarDay> logger)
{
    public async Task<Result<CalendarDayResponse>> RunAsync(PutCalendarDayCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseCalendarChangeAsync(user) is { } refused)
        {
            return refused;
        }

        var adjustment = command.Adjustment;
        var problems = new List<CalendarProblem>();
        var day = PublicCalendarApi.ParseDate(command.Date, "date", problems);
        if (adjustment.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            problems.Add(new("/kind", "The kind is required: Holiday, MakeUpWorkday or Normal."));
        }
        else if (kind == CalendarDaySetting.MakeUpWorkday && day is { DayOfWeek: not (DayOfWeek.Saturday or DayOfWeek.Sunday) })
        {
            problems.Add(new("/kind", $"{day:yyyy-MM-dd} is a {day.Value.DayOfWeek}: a make-up working day must be a Saturday or Sunday."));
        }

        if (adjustment.Name?.Length > CalendarYearDocument.MaxNameLength)
        {
            problems.Add(new("/name", $"The name is at most {CalendarYearDocument.MaxNameLength} characters."));
        }

        if (problems.Count > 0)
        {
            return CalendarWrites.Invalid("The day adjustment is not valid.", problems);
        }

        var target = day!.Value;
        var setting = adjustment.Kind!.Value;
        var year = await db.CalendarYears.Include(y => y.Days.Where(d => d.Date == target)).FirstOrDefaultAsync(y => y.Year == target.Year, ct);
        if (year is null)
        {
            return new Refusal.NotFound($"There is no holiday data for {target.Year}; add the whole year with PUT /api/calendar/{target.Year} first.");
        }

        var name = string.IsNullOrWhiteSpace(adjustment.Name) ? null : adjustment.Name.Trim();
        var stored = year.Days.SingleOrDefault();
        var before = stored is null ? null : CalendarWrites.AuditDays([stored])[0];
        if (setting == CalendarDaySetting.Normal)
        {
            if (stored is not null)
            {
                db.CalendarDays.Remove(stored);
                stored = null;
            }
        }
        else
        {
            var dayKind = setting == CalendarDaySetting.Holiday ? CalendarDayKind.Holiday : CalendarDayKind.MakeUpWorkday;
            if (stored is null)
            {
                stored = new CalendarDay { Date = target, Year = target.Year, Kind = dayKind, Name = name };
                db.CalendarDays.Add(stored);
            }
            else
            {
                stored.Kind = dayKind;
                stored.Name = name ?? stored.Name;
            }
        }

        year.ConcurrencyStamp++;
        year.UpdatedAt = clock.GetUtcNow();
        year.UpdatedBy = user.Identity?.Name;
        audit.Record(AuditActions.CalendarDaySaved, AuditResources.CalendarDay, target.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            new { old = before, @new = stored is null ? null : CalendarWrites.AuditDays([stored])[0] }, Actor.From(user));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Refusal.Conflict($"The {target.Year} calendar was changed by someone else meanwhile; reload it.");
        }

        await CalendarWrites.ChangedAsync(db, calendar, listeners, target.Year, logger);
        return new CalendarDayResponse(target, setting, stored?.Name, calendar.IsWorkingDay(target));
    }
}
