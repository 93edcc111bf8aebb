using System.Security.Claims;

namespace Approval.Engine.Runtime;

/// <summary>Who is acting: a signed-in user's name, roles, department and window.</summary>
public sealed record Actor(string UserId, string UserName, IReadOnlySet<string> Roles, string? Department, string? Window)
{
    public const string DepartmentClaim = "department";
    public const string WindowClaim = "window";

    public static Actor From(ClaimsPrincipal user) => new(
        user.FindFirstValue("sub") ?? "",
        user.Identity?.Name ?? "",
        user.FindAll("role").Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        user.FindFirstValue(DepartmentClaim),
        user.FindFirstValue(WindowClaim));

    /// <summary>A task is for its role and, when it names one, its department.</summary>
    public bool MayAct(WorkflowTask task) =>
        Roles.Contains(task.Role) && (task.Department is null || task.Department == Department);
}
