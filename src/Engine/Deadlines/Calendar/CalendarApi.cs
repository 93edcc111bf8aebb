using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>
/// The holiday data behind the working-day calendar: read by anyone signed in, changed by
/// administrators (a whole year when its notice arrives, or one day). Each change is committed,
/// then loaded into this node's calendar, then told to the <see cref="ICalendarChangeListener"/>s.
/// </summary>
internal static class CalendarApi
{
    private const string InvalidYear = "The holiday arrangement is not valid.";
    private const string InvalidDay = "The day adjustment is not valid.";

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapPublicCalendar();

        var group = app.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization(Policies.Calendar.Read);
        group.MapGet("", ListAsync).WithSummary("The years whose holidays are known; any other year counts Monday to Friday, provisionally.");
        group.MapGet("/{year:int}", GetAsync).WithSummary("A year's days off and make-up working days.");

        var write = group.MapGroup("").RequireAuthorization(Policies.Calendar.Manage);
        write.MapPut("/{year:int}", PutYearAsync).WithSummary("Add or replace a whole year from its notice: source, holidays, make-up working days.");
        write.MapPut("/days/{date}", PutDayAsync).WithSummary("Make one day a holiday, a make-up working day, or Normal again.");
        return app;
    }

    private static async Task<Ok<List<CalendarYearSummary>>> ListAsync(ApprovalDbContext db, CancellationToken ct)
    {
        var years = await db.CalendarYears.AsNoTracking().Include(y => y.Days).OrderBy(y => y.Year).ToListAsync(ct);
        return TypedResults.Ok(years.Select(CalendarYearSummary.From).ToList());
    }

    private static async Task<Results<Ok<CalendarYearResponse>, ProblemHttpResult>> GetAsync(int year, ApprovalDbContext db, CancellationToken ct)
    {
        var found = await db.CalendarYears.AsNoTracking().Include(y => y.Days).FirstOrDefaultAsync(y => y.Year == year, ct);
        return found is null
            ? Problems.NotFound($"There is no holiday data for {year}: it counts Monday to Friday, and its deadlines are provisional.")
            : TypedResults.Ok(CalendarYearResponse.From(found));
    }

    private static async Task<Results<Created<CalendarYearResponse>, Ok<CalendarYearResponse>, ValidationProblem, ProblemHttpResult>> PutYearAsync(
        int year, CalendarYearDocument document, ApprovalDbContext db, WorkingCalendar calendar, IEnumerable<ICalendarChangeListener> listeners,
        TimeProvider clock, ClaimsPrincipal user, AuditLog audit, ILoggerFactory loggers, CancellationToken ct)
    {
        var problems = document.Validate(year);
        if (problems.Count > 0)
        {
            return Problems.Invalid(InvalidYear, problems.Select(p => (p.Where, p.Message)));
        }

        var days = document.ToDays(year);
        var stored = await db.CalendarYears.Include(y => y.Days).FirstOrDefaultAsync(y => y.Year == year, ct);
        var added = stored is null;
        var before = stored is null ? null : new { source = stored.Source, days = AuditDays(stored.Days) };
        if (stored is null)
        {
            stored = new CalendarYear { Year = year, Source = document.Source!.Trim(), Days = days };
            db.CalendarYears.Add(stored);
        }
        else
        {
            stored.Source = document.Source!.Trim();
            stored.ConcurrencyStamp++;
            Replace(db, stored, days);
        }

        stored.UpdatedAt = clock.GetUtcNow();
        stored.UpdatedBy = user.Identity?.Name;

        // Deadlines move with the calendar, so the entry keeps the year as it was and as it is.
        audit.Record(AuditActions.CalendarYearSaved, AuditResources.CalendarYear, year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { old = before, @new = new { source = stored.Source, days = AuditDays(stored.Days) } });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"The {year} calendar was changed by someone else meanwhile; reload it.");
        }

        await ChangedAsync(db, calendar, listeners, year, loggers);
        var response = CalendarYearResponse.From(stored);
        return added ? TypedResults.Created($"/api/calendar/{year}", response) : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<CalendarDayResponse>, ValidationProblem, ProblemHttpResult>> PutDayAsync(
        string date, DayAdjustment adjustment, ApprovalDbContext db, WorkingCalendar calendar, IEnumerable<ICalendarChangeListener> listeners,
        TimeProvider clock, ClaimsPrincipal user, AuditLog audit, ILoggerFactory loggers, CancellationToken ct)
    {
        var problems = new List<CalendarProblem>();
        var day = PublicCalendarApi.ParseDate(date, "date", problems);
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
            return Problems.Invalid(InvalidDay, problems.Select(p => (p.Where, p.Message)));
        }

        var target = day!.Value;
        var setting = adjustment.Kind!.Value;
        var year = await db.CalendarYears.Include(y => y.Days.Where(d => d.Date == target)).FirstOrDefaultAsync(y => y.Year == target.Year, ct);
        if (year is null)
        {
            return Problems.NotFound($"There is no holiday data for {target.Year}; add the whole year with PUT /api/calendar/{target.Year} first.");
        }

        var name = string.IsNullOrWhiteSpace(adjustment.Name) ? null : adjustment.Name.Trim();
        var stored = year.Days.SingleOrDefault();
        var before = stored is null ? null : AuditDays([stored])[0];
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
        audit.Record(AuditActions.CalendarDaySaved, AuditResources.CalendarDay, target.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            new { old = before, @new = stored is null ? null : AuditDays([stored])[0] });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"The {target.Year} calendar was changed by someone else meanwhile; reload it.");
        }

        await ChangedAsync(db, calendar, listeners, target.Year, loggers);
        return TypedResults.Ok(new CalendarDayResponse(target, setting, stored?.Name, calendar.IsWorkingDay(target)));
    }

    /// <summary>A year's special days as an audit entry shows them, in date order.</summary>
    internal static List<string> AuditDays(IEnumerable<CalendarDay> days) =>
        [.. days.OrderBy(d => d.Date).Select(d => $"{d.Date:yyyy-MM-dd} {d.Kind}{(d.Name is null ? "" : " " + d.Name)}")];

    // Rows are updated in place rather than deleted and re-added, so the replacement is one plain
    // SaveChanges: one transaction on every provider, with the year's concurrency check in it.
    private static void Replace(ApprovalDbContext db, CalendarYear stored, List<CalendarDay> days)
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

    // Not the request's token: once committed, this node's calendar and the listeners must hear of it.
    private static async Task ChangedAsync(
        ApprovalDbContext db, WorkingCalendar calendar, IEnumerable<ICalendarChangeListener> listeners, int year, ILoggerFactory loggers)
    {
        await calendar.ReloadAsync(db, CancellationToken.None);
        await CalendarChangeNotice.NotifyAsync(listeners, [year], loggers.CreateLogger(typeof(CalendarApi)));
    }
}
