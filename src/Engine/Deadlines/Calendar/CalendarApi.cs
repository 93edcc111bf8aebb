using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>
/// The holiday data behind the working-day calendar: read by anyone signed in, changed by
/// administrators (a whole year when its notice arrives, <see cref="PutCalendarYear"/>, or one
/// day, <see cref="PutCalendarDay"/>). Each change is committed, then loaded into this node's
/// calendar, then told to the <see cref="ICalendarChangeListener"/>s.
/// </summary>
internal static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapPublicCalendar();

        var group = app.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization(Policies.Calendar.Read);
        group.MapGet("", ListAsync).WithSummary("The years whose holidays are known; any other year counts Monday to Friday, provisionally.");
        group.MapGet("/{year:int}", GetAsync).WithSummary("A year's days off and make-up working days.");

        group.MapPut("/{year:int}", PutYearAsync).WithSummary("Add or replace a whole year from its notice: source, holidays, make-up working days (administrators).");
        group.MapPut("/days/{date}", PutDayAsync).WithSummary("Make one day a holiday, a make-up working day, or Normal again (administrators).");
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

    private static async Task<Results<Results<Created<CalendarYearResponse>, Ok<CalendarYearResponse>>, ProblemHttpResult, ValidationProblem>> PutYearAsync(
        int year, CalendarYearDocument document, PutCalendarYear put, ClaimsPrincipal user, CancellationToken ct) =>
        (await put.RunAsync(new PutCalendarYearCommand(year, document), user, ct)).ToHttp(Saved);

    private static async Task<Results<Ok<CalendarDayResponse>, ProblemHttpResult, ValidationProblem>> PutDayAsync(
        string date, DayAdjustment adjustment, PutCalendarDay put, ClaimsPrincipal user, CancellationToken ct) =>
        (await put.RunAsync(new PutCalendarDayCommand(date, adjustment), user, ct)).ToHttp(TypedResults.Ok);

    private static Results<Created<CalendarYearResponse>, Ok<CalendarYearResponse>> Saved(SavedCalendarYear saved) =>
        saved.Added ? TypedResults.Created($"/api/calendar/{saved.Year.Year}", saved.Year) : TypedResults.Ok(saved.Year);
}
