using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Engine.Runtime;
using Approval.Engine.Windows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Approval.Engine.Access;

/// <summary>
/// Staff changes (窗口人员调换): the centre and the supervision office see every one; a department
/// those it asked for. Its approval is a task of the centre's (<see cref="TaskAccess"/>).
/// </summary>
internal sealed class StaffChangeAccess : AuthorizationHandler<OperationAuthorizationRequirement, StaffChange>
{
    public static IQueryable<StaffChange> Scope(IQueryable<StaffChange> changes, ClaimsPrincipal user)
    {
        var actor = Actor.From(user);
        return SeesAll(actor) ? changes : changes.Where(c => c.Department == actor.Department);
    }

    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, StaffChange resource)
    {
        var actor = Actor.From(context.User);
        if (requirement.Name == nameof(Operations.See) && (SeesAll(actor) || (actor.Department is not null && resource.Department == actor.Department)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static bool SeesAll(Actor actor) => actor.Roles.Contains(Roles.Administrator) || actor.Roles.Contains(Roles.Supervisor);
}
