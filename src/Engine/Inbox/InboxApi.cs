using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Deadlines;
using Approval.Engine.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Engine.Inbox;

/// <summary>The inbox over HTTP: <c>GET /api/tasks</c>, one page, the whole count in <c>X-Total-Count</c>.</summary>
internal static class InboxApi
{
    public const string TotalCountHeader = "X-Total-Count";

    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tasks", InboxAsync).WithTags("Tasks").RequireAuthorization(Policies.Tasks.Read).WithSummary(
            "Open tasks the caller may act on (by role and department; for a clerk, the items their window serves; the supervision office reads every open task), "
            + "with each case's number, item, applicant, deadlines and warning level (None, Yellow, Red, Statutory), the first due first. "
            + "Filters: ?step= (activity id or name) &item= (item code) &number= (受理编号) &level=Yellow,Red &scope=all|mine|department|window; "
            + "paged with &skip=&take= (at most 500), the whole count in X-Total-Count.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<InboxEntry>>, ProblemHttpResult, ValidationProblem>> InboxAsync(
        HttpContext http, ClaimsPrincipal user, ReadInbox inbox, CancellationToken ct,
        string? step = null, string? item = null, string? number = null, string? level = null, string? scope = null, int skip = 0, int take = 100)
    {
        var problems = new List<(string, string)>();
        var levels = new List<WarningLevel>();
        foreach (var part in (level ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<WarningLevel>(part, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(part, out _))
            {
                levels.Add(parsed);
            }
            else
            {
                problems.Add(("level", $"'{part}' is not a warning level: None, Yellow, Red or Statutory."));
            }
        }

        var wanted = InboxScope.All;
        if (scope is not null && !(Enum.TryParse(scope, ignoreCase: true, out wanted) && Enum.IsDefined(wanted) && !int.TryParse(scope, out _)))
        {
            problems.Add(("scope", "scope is all, mine, department or window."));
        }

        if (problems.Count > 0)
        {
            return Problems.Invalid("The inbox query is not valid.", problems);
        }

        var result = await inbox.RunAsync(new InboxQuery(step, item, levels, wanted, skip, take, number), user, ct);
        if (result.Value is { } page)
        {
            http.Response.Headers[TotalCountHeader] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return result.ToHttp(p => TypedResults.Ok(p.Entries));
    }
}
