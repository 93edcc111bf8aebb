using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Engine.Runtime;
using Approval.Engine.Statistics;

namespace Approval.Engine.Access;

/// <summary>
/// The centre's figures: the supervision office and administrators read every department's, a
/// department head their own. A head asking for another department is refused rather than quietly narrowed.
/// </summary>
internal static class StatisticsAccess
{
    /// <summary>The query as <paramref name="user"/> may run it, or why they may not.</summary>
    public static (ReportQuery? Query, string? Refusal) Narrow(ReportQuery query, ClaimsPrincipal user)
    {
        var actor = Actor.From(user);
        if (actor.Roles.Contains(Roles.Supervisor) || actor.Roles.Contains(Roles.Administrator))
        {
            return (query, null);
        }

        if (!actor.Roles.Contains(Roles.DepartmentHead) || actor.Department is null || (query.Department is not null && query.Department != actor.Department))
        {
            return (null, $"A department head sees the figures of their own department{(actor.Department is null ? "" : $" ({actor.Department})")} only.");
        }

        return (query with { Department = actor.Department }, null);
    }
}
