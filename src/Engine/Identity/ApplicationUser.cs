using Microsoft.AspNetCore.Identity;

namespace Approval.Engine.Identity;

/// <summary>A platform account: staff belong to a department or a window, as their role needs.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>The department a handler or head works in (科室).</summary>
    public string? Department { get; set; }

    /// <summary>The window a clerk serves at (窗口).</summary>
    public string? Window { get; set; }
}
