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
/// approves (<see cref="StaffChangesApi"/>), and a direct one is refused.
/// </summary>
internal static class WindowStaffApi
{
    public static IEndpointRouteBuilder MapWindowStaff(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/windows/{number}/staff").WithTags("Windows").RequireAuthorization(Policies.Windows.Read);
        group.MapGet("", ListAsync).WithSummary("The window's clerks with their start dates and minimum terms; ?all=true includes those who have left.");

        var write = group.MapGroup("").RequireAuthorization(Policies.Windows.Manage);
        write.MapPost("", AssignAsync).WithSummary("A clerk starts serving at the window.");
        write.MapPost("/{userName}/end", EndAsync)
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

    private static async Task<Results<Created<WindowStaffView>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        string number, AssignStaffRequest request, ClaimsPrincipal user, ApprovalDbContext db, StaffRoster roster, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 256)
        {
            return Problems.Invalid("userName", "userName is required, at most 256 characters.");
        }

        var startedOn = request.StartedOn ?? roster.Today;
        if (startedOn > roster.Today || startedOn.Year < 2000)
        {
            return Problems.Invalid("startedOn", "startedOn is a day from 2000 on and not in the future.");
        }

        var window = await db.Windows.FirstOrDefaultAsync(w => w.Number == number, ct);
        if (window is null)
        {
            return WindowsApi.NoWindow(number);
        }

        var (clerk, problem) = await roster.NewcomerAsync(request.UserName, ct);
        if (clerk is null)
        {
            return Problems.Invalid("userName", problem!);
        }

        var assignment = roster.Start(window, clerk, startedOn, user.Identity?.Name);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"'{request.UserName}' was assigned to a window by someone else at the same time.");
        }

        return TypedResults.Created($"/api/windows/{number}/staff", roster.View(assignment));
    }

    private static async Task<Results<Ok<WindowStaffView>, ValidationProblem, ProblemHttpResult>> EndAsync(
        string number, string userName, EndStaffRequest request, ClaimsPrincipal user, ApprovalDbContext db, StaffRoster roster,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            return Problems.Invalid("reason", "reason is required, at most 2000 characters.");
        }

        var window = await db.Windows.AsNoTracking().FirstOrDefaultAsync(w => w.Number == number, ct);
        if (window is null)
        {
            return WindowsApi.NoWindow(number);
        }

        var assignment = await roster.CurrentAsync(window.Id, userName, ct);
        if (assignment is null)
        {
            return Problems.NotFound($"'{userName}' does not serve at window {number}.");
        }

        if (roster.IsEarly(assignment))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The minimum term has not passed",
                detail: $"{userName} has served at window {number} since {assignment.StartedOn:yyyy-MM-dd}; the minimum term of "
                    + $"{roster.MinimumTermYears} years ends on {roster.TermEndsOn(assignment):yyyy-MM-dd}. An earlier change needs the centre's "
                    + "approval: the department files it with POST /api/staff-changes.",
                extensions: new Dictionary<string, object?> { ["minimumTermEndsOn"] = roster.TermEndsOn(assignment) });
        }

        await roster.EndAsync(assignment, user.Identity?.Name, request.Reason, staffChangeId: null, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict($"{userName}'s service at window {number} was changed by someone else meanwhile; reload it.");
        }

        return TypedResults.Ok(roster.View(assignment));
    }
}
