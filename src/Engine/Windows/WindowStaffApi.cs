using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>
/// Who serves at a window. The centre's administrators add clerks and end a clerk's service once
/// the minimum term has passed; an earlier replacement or withdrawal is a staff change the centre
/// approves (<see cref="RequestStaffChange"/>), and a direct one is refused.
/// </summary>
internal static class WindowStaffApi
{
    public static IEndpointRouteBuilder MapWindowStaff(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/windows/{number}/staff").WithTags("Windows").RequireAuthorization(Policies.Windows.Read);
        group.MapGet("", ListAsync).WithSummary("The window's clerks with their start dates and minimum terms; ?all=true includes those who have left.");

        // Who may write is the use cases' decision (the centre's administrators); the group's read policy stays in front.
        group.MapPost("", AssignAsync).WithSummary("A clerk starts serving at the window.");
        group.MapPost("/{userName}/end", EndAsync)
            .WithSummary("A clerk stops serving at the window; before the minimum term ends this needs an approved staff change instead.");
        return app;
    }

    private static async Task<Results<Ok<List<WindowStaffView>>, ProblemHttpResult>> ListAsync(
        string number, ApprovalDbContext db, StaffRoster roster, CancellationToken ct, bool all = false)
    {
        var window = await db.Windows.AsNoTracking().FirstOrDefaultAsync(w => w.Number == number, ct);
        if (window is null)
        {
            return WindowsApi.NoWindow(number);
        }

        var staff = await db.WindowAssignments.AsNoTracking()
            .Where(a => a.WindowId == window.Id && (all || a.EndedOn == null))
            .OrderBy(a => a.StartedOn).ThenBy(a => a.Id)
            .ToListAsync(ct);
        return TypedResults.Ok(staff.Select(roster.View).ToList());
    }

    private static async Task<Results<Created<WindowStaffView>, ProblemHttpResult, ValidationProblem>> AssignAsync(
        string number, AssignStaffRequest request, ClaimsPrincipal user, AssignStaff assign, CancellationToken ct) =>
        (await assign.RunAsync(new(number, request), user, ct)).ToHttp(v => TypedResults.Created($"/api/windows/{number}/staff", v));

    private static async Task<Results<Ok<WindowStaffView>, ProblemHttpResult, ValidationProblem>> EndAsync(
        string number, string userName, EndStaffRequest request, ClaimsPrincipal user, EndStaff end, CancellationToken ct) =>
        (await end.RunAsync(new(number, userName, request), user, ct)).ToHttp(TypedResults.Ok);
}
