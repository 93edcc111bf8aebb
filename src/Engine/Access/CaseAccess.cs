using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Engine.Cases;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Access;

/// <summary>
/// Who may see and do what with a case (办件). One rule, used two ways: as the query filter that
/// lists cases (<see cref="Scope"/>) and, for one case, as the handler <see cref="IAuthorizationService"/>
/// asks, which runs the same filter for that case, so a list never shows what a single read would hide.
/// <list type="bullet">
/// <item>The supervision office sees every case.</item>
/// <item>A department's handlers and head see the cases it handles, and those where it has a step (a joint approval).</item>
/// <item>A clerk sees the cases filed at or accepted by their current window, and those waiting at a window step for an item it serves.</item>
/// <item>An applicant sees their own applications.</item>
/// <item>An administrator sees every case's path in the case viewer, but reads in full only the flows they tried out.</item>
/// </list>
/// </summary>
internal sealed class CaseAccess(ApprovalDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, Case>
{
    private (string UserId, ClerkWindow? Window)? _window;

    /// <summary>
    /// The cases <paramref name="user"/> may know of (<paramref name="operation"/> <see cref="Operations.See"/>),
    /// or read in full (<see cref="Operations.Read"/>).
    /// </summary>
    public async Task<IQueryable<Case>> Scope(IQueryable<Case> cases, ClaimsPrincipal user, OperationAuthorizationRequirement operation)
    {
        var actor = Actor.From(user);
        var full = operation == Operations.Read;
        if (actor.Roles.Contains(Roles.Supervisor) || (!full && actor.Roles.Contains(Roles.Administrator)))
        {
            return cases;
        }

        var tryOuts = actor.Roles.Contains(Roles.Administrator);
        var department = actor.Roles.Any(Roles.IsDepartmental) ? actor.Department : null;
        var window = actor.Roles.Contains(Roles.WindowStaff) ? await ClerkWindowAsync(actor) : null;
        var windowId = window?.Id ?? 0;
        var windowNumber = window?.Number;
        var applicant = actor.Roles.Contains(Roles.Applicant) ? actor.UserId : null;
        return cases.Where(c =>
            (tryOuts && c.ItemCode == null)
            || (department != null && (c.Department == department || db.Tasks.Any(t => t.InstanceId == c.Id && t.Department == department)))
            || (windowNumber != null
                && (c.AcceptedWindow == windowNumber
                    || db.WindowAssignments.Any(a => a.WindowId == windowId && a.UserId == c.CreatedBy
                        && a.StartedOn <= c.ReceivedOn && (a.EndedOn == null || a.EndedOn >= c.ReceivedOn))
                    || (db.Tasks.Any(t => t.InstanceId == c.Id && t.Status == WorkTaskStatus.Open && t.Role == Roles.WindowStaff)
                        && (c.ItemCode == null || db.WindowGrants.Any(g => g.WindowId == windowId && g.ItemCode == c.ItemCode && g.MayAccept)))))
            || (applicant != null && c.CreatedBy == applicant));
    }

    /// <summary>Null when <paramref name="actor"/> may file: an application (applicants, clerks), or a try-out of a bare flow (administrators).</summary>
    public static string? FilingRefusal(Actor actor, bool tryOut) =>
        tryOut
            ? actor.Roles.Contains(Roles.Administrator) ? null : "Only administrators may start a flow without an item; give itemCode."
            : actor.Roles.Contains(Roles.WindowStaff) || actor.Roles.Contains(Roles.Applicant) ? null : "Applications are filed by applicants or at a window.";

    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Case resource)
    {
        var actor = Actor.From(context.User);
        var ownDepartment = actor.Department is not null && resource.Department == actor.Department;
        var allowed = requirement.Name switch
        {
            nameof(Operations.See) or nameof(Operations.Read) =>
                await (await Scope(db.Cases.AsNoTracking(), context.User, requirement)).AnyAsync(c => c.Id == resource.Id),
            nameof(Operations.MoveClocks) => ownDepartment && actor.Roles.Any(Roles.IsDepartmental),
            nameof(Operations.DecideExtension) => ownDepartment && actor.Roles.Contains(Roles.DepartmentHead),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }

    // The clerk's window is their current assignment, read afresh, as the desk reads it: not the sign-in's claim.
    private async Task<ClerkWindow?> ClerkWindowAsync(Actor actor)
    {
        if (_window is { } known && known.UserId == actor.UserId)
        {
            return known.Window;
        }

        var window = await db.WindowAssignments.AsNoTracking()
            .Where(a => a.UserId == actor.UserId && a.EndedOn == null)
            .Select(a => new ClerkWindow(a.WindowId, a.Window.Number))
            .FirstOrDefaultAsync();
        _window = (actor.UserId, window);
        return window;
    }

    private sealed record ClerkWindow(int Id, string Number);
}
