using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Windows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Access;

/// <summary>
/// Who may see and complete a task. A task of a case exists for whoever may see the case
/// (<see cref="CaseAccess"/>); any other (a staff change's approval) for those it is given to. It is
/// completed by its role (and department), never by an administrator when it belongs to a case
/// (separation of duties: the centre designs and tries flows, it does not decide applications).
/// A trial case's tasks (试运行) are the administrators' alone, to walk the flow through.
/// Completing one also asks the window's grants (<see cref="WindowTaskGuard"/>), in the same check (<c>CompleteTask</c>).
/// </summary>
internal sealed class TaskAccess(ApprovalDbContext db, CaseAccess cases, WindowDesk desk)
    : AuthorizationHandler<OperationAuthorizationRequirement, WorkflowTask>
{
    /// <summary>
    /// The inbox: open tasks the caller may complete, or for the supervision office, every open task (to read);
    /// a trial case's tasks are in the administrators' inbox only.
    /// </summary>
    public IQueryable<WorkflowTask> Inbox(ClaimsPrincipal user)
    {
        var actor = Actor.From(user);
        var open = db.Tasks.AsNoTracking().Where(t => t.Status == WorkTaskStatus.Open);

        // A trial case (试运行) is the administrators' own try-out: its tasks are in no other inbox.
        var trials = db.Cases.Where(c => c.Trial).Select(c => c.Id);
        if (actor.Roles.Contains(Roles.Supervisor))
        {
            return open.Where(t => !trials.Contains(t.InstanceId));
        }

        var roles = actor.Roles.ToList();
        var mine = open.Where(t => roles.Contains(t.Role) && (t.Department == null || t.Department == actor.Department) && !trials.Contains(t.InstanceId));
        if (actor.Roles.Contains(Roles.Administrator))
        {
            var roleTasks = mine.Where(t => t.Role != Roles.Administrator || !db.Cases.Any(c => c.Id == t.InstanceId)).Select(t => t.Id);
            mine = open.Where(t => trials.Contains(t.InstanceId) || roleTasks.Contains(t.Id));
        }

        return desk.Visible(mine, actor);
    }

    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, WorkflowTask resource)
    {
        var actor = Actor.From(context.User);
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == resource.InstanceId).Select(c => new { c.Trial }).FirstOrDefaultAsync();
        var ofCase = @case is not null;
        var trial = @case?.Trial == true;

        // A trial case is walked through by the administrators who started it, whatever the step's role;
        // the clerks and departments never see it, nor act on it.
        var mayComplete = trial
            ? actor.Roles.Contains(Roles.Administrator)
            : actor.MayAct(resource) && !(ofCase && resource.Role == Roles.Administrator);
        var allowed = requirement.Name switch
        {
            nameof(Operations.See) => actor.Roles.Contains(Roles.Supervisor)
                || (ofCase
                    ? await (await cases.Scope(db.Cases.AsNoTracking(), context.User, Operations.See)).AnyAsync(c => c.Id == resource.InstanceId)
                    : mayComplete),
            nameof(Operations.Complete) => mayComplete,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        else if (requirement.Name == nameof(Operations.Complete))
        {
            context.Fail(new AuthorizationFailureReason(this, trial
                ? "it belongs to a trial run (试运行) of a flow, which only the administrators walk through"
                : ofCase && resource.Role == Roles.Administrator && actor.MayAct(resource)
                ? "administrators design and try out flows, they do not decide applications"
                : $"it is for role {resource.Role}{(resource.Department is null ? "" : $" of department {resource.Department}")}"));
        }
    }
}
