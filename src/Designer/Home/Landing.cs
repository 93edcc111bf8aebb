using System.Security.Claims;
using Approval.Activities.Contract;

namespace Approval.Designer.Home;

/// <summary>
/// Where each role starts, and what its top bar offers: the window desk for window staff, the inbox
/// for the departments, the flows for the administrators, the cases for the supervision office (its
/// board comes later) and for applicants (their own). One place, so the landing and the bar agree.
/// </summary>
public static class Landing
{
    public sealed record Link(string Href, string Label, string Icon);

    public static string For(ClaimsPrincipal user) =>
        user.IsInRole(Roles.WindowStaff) ? "/desk"
        : user.IsInRole(Roles.DepartmentHandler) || user.IsInRole(Roles.DepartmentHead) ? "/inbox"
        : user.IsInRole(Roles.Administrator) ? "/flows"
        : "/cases";

    /// <summary>The top bar's links for the user's roles, in the order they work in them.</summary>
    public static IReadOnlyList<Link> Links(ClaimsPrincipal user)
    {
        var links = new List<Link>();
        if (user.IsInRole(Roles.WindowStaff))
        {
            links.Add(new("/desk", "nav.desk", MudBlazor.Icons.Material.Filled.Storefront));
        }

        if (user.IsInRole(Roles.WindowStaff) || user.IsInRole(Roles.DepartmentHandler) || user.IsInRole(Roles.DepartmentHead))
        {
            links.Add(new("/inbox", "nav.inbox", MudBlazor.Icons.Material.Filled.Inbox));
        }

        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Supervisor))
        {
            links.Add(new("/flows", "nav.flows", MudBlazor.Icons.Material.Filled.AccountTree));
        }

        if (user.Identity?.IsAuthenticated == true)
        {
            links.Add(new("/cases", user.IsInRole(Roles.Applicant) ? "nav.myCases" : "nav.cases", MudBlazor.Icons.Material.Filled.FolderOpen));
        }

        return links;
    }
}
