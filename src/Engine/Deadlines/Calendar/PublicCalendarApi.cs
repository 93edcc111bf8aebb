using System.Globalization;
using Approval.Engine.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Engine.Deadlines;

/// <summary>
/// The deadline calculator anyone may use, signed in or not: staff answering an applicant, the
/// applicant, the public. Input that does not make sense gets 400 saying where.
/// </summary>
internal static class PublicCalendarApi
{
    public const int MaxDays = 3650;
    public const int MaxExtensionDays = 365;
    public const int MaxPauses = 100;
    private const string Invalid = "The calculation's input is not valid.";

    public static IEndpointRouteBuilder MapPublicCalendar(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public/calendar").WithTags("Calendar").AllowAnonymous();
        group.MapGet("/deadline", GetDeadline)
            .WithSummary("The deadline of N working days from acceptance (the acceptance day not counted): ?accepted=YYYY-MM-DD&days=N.");
        group.MapPost("/deadline", PostDeadline)
            .WithSummary("The deadline with special-procedure pauses (the working days d with start < d ≤ end are added) and an extension.");
        group.MapGet("/working-days", WorkingDays)
            .WithSummary("The working days d with from < d ≤ to (from is not counted, like an acceptance day): ?from=YYYY-MM-DD&to=YYYY-MM-DD.");
        return app;
    }

    private static Results<Ok<DeadlineResponse>, ValidationProblem> GetDeadline(string? accepted, string? days, WorkingCalendar calendar)
    {
        var problems = new List<CalendarProblem>();
        var day = ParseDate(accepted, "accepted", problems);
        int? count = int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        CheckRange(count, "days", MaxDays, problems, required: true);
        return problems.Count > 0
            ? Problem(problems)
            : TypedResults.Ok(DeadlineResponse.From(calendar.Compute(day!.Value, count!.Value, [], 0)));
    }

    private static Results<Ok<DeadlineResponse>, ValidationProblem> PostDeadline(DeadlineRequest request, WorkingCalendar calendar)
    {
        var problems = new List<CalendarProblem>();
        var accepted = CheckDate(request.Accepted, "/accepted", problems);
        CheckRange(request.Days, "/days", MaxDays, problems, required: true);
        CheckRange(request.ExtensionDays, "/extensionDays", MaxExtensionDays, problems, required: false);
        var pauses = new List<DatePause>();
        var given = request.Pauses ?? [];
        if (given.Count > MaxPauses)
        {
            problems.Add(new("/pauses", $"At most {MaxPauses} pauses."));
            given = [];
        }

        for (var i = 0; i < given.Count; i++)
        {
            var at = $"/pauses/{i}";
            if (given[i] is not { } pause)
            {
                problems.Add(new(at, "A pause cannot be null."));
                continue;
            }

            var start = CheckDate(pause.Start, $"{at}/start", problems);
            var end = CheckDate(pause.End, $"{at}/end", problems);
            if (start is null || end is null)
            {
                continue;
            }

            if (end < start)
            {
                problems.Add(new($"{at}/end", $"The pause ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})."));
            }
            else if (start < accepted)
            {
                problems.Add(new($"{at}/start", $"The pause starts ({start:yyyy-MM-dd}) before the acceptance day ({accepted:yyyy-MM-dd})."));
            }
            else
            {
                pauses.Add(new DatePause(start.Value, end.Value));
            }
        }

        return problems.Count > 0
            ? Problem(problems)
            : TypedResults.Ok(DeadlineResponse.From(calendar.Compute(accepted!.Value, request.Days!.Value, pauses, request.ExtensionDays ?? 0)));
    }

    private static Results<Ok<WorkingDaysResponse>, ValidationProblem> WorkingDays(string? from, string? to, WorkingCalendar calendar)
    {
        var problems = new List<CalendarProblem>();
        var first = ParseDate(from, "from", problems);
        var last = ParseDate(to, "to", problems);
        if (first is not null && last is not null && last < first)
        {
            problems.Add(new("to", $"{last:yyyy-MM-dd} is before {first:yyyy-MM-dd}."));
        }

        return problems.Count > 0
            ? Problem(problems)
            : TypedResults.Ok(new WorkingDaysResponse(
                first!.Value, last!.Value, calendar.CountWorkingDays(first.Value, last.Value), calendar.IsProvisional(first.Value, last.Value)));
    }

    /// <summary>A date as YYYY-MM-DD within the years the calendar accepts.</summary>
    public static DateOnly? ParseDate(string? value, string where, List<CalendarProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(where, $"{where} is required, as YYYY-MM-DD."));
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            problems.Add(new(where, $"'{value}' is not a date YYYY-MM-DD."));
            return null;
        }

        return CheckDate(day, where, problems);
    }

    private static DateOnly? CheckDate(DateOnly? day, string where, List<CalendarProblem> problems)
    {
        if (day is null)
        {
            problems.Add(new(where, "A date (YYYY-MM-DD) is required."));
            return null;
        }

        if (!CalendarLimits.Contains(day.Value))
        {
            problems.Add(new(where, $"{day:yyyy-MM-dd} is outside the years {CalendarLimits.FirstYear} to {CalendarLimits.LastYear}."));
            return null;
        }

        return day;
    }

    private static void CheckRange(int? value, string where, int max, List<CalendarProblem> problems, bool required)
    {
        if (value is null ? required : value < 0 || value > max)
        {
            problems.Add(new(where, $"A whole number of working days from 0 to {max} is required."));
        }
    }

    private static ValidationProblem Problem(List<CalendarProblem> problems) =>
        Problems.Invalid(Invalid, problems.Select(p => (p.Where, p.Message)));
}
