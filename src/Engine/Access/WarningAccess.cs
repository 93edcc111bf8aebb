using Approval.Engine.Deadlines;
using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Approval.Engine.Access;

/// <summary>
/// Warnings, cards and escalations (电子监察): the supervision office sees and handles every one, a
/// department head those of their own department. The same rule filters the lists.
/// </summary>
internal sealed class WarningAccess : AuthorizationHandler<OperationAuthorizationRequirement, Warning>
{
    /// <summary>The department <paramref name="user"/> is held to, or null for every department (the supervision office).</summary>
    public static string? Department(ClaimsPrincipal user, string? asked)
    {
        var actor = Actor.From(user);
        return actor.Roles.Contains(Roles.Supervisor) ? asked : actor.Department ?? "";
    }

    public static IQueryable<Warning> Scope(IQueryable<Warning> warnings, ClaimsPrincipal user)
    {
        var department = Department(user, null);
        return department is null ? warnings : warnings.Where(w => w.Department == department);
    }

    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Warning resource)
    {
        var actor = Actor.From(context.User);
        var inScope = actor.Roles.Contains(Roles.Supervisor)
            || (actor.Roles.Contains(Roles.DepartmentHead) && actor.Department is not null && resource.Department == actor.Department);
        if (inScope && requirement.Name is nameof(Operations.See) or nameof(Operations.Handle))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
