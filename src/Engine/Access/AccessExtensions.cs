using Approval.Activities.Contract;
using Approval.Engine.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Approval.Engine.Access;

internal static class AccessExtensions
{
    private static readonly string[] StaffRoles = [.. Roles.All.Where(r => r != Roles.Applicant)];

    /// <summary>
    /// Who may see and do what: the policies named in <see cref="Policies"/>, and the handlers that
    /// decide per record (a case, a task, a warning, a staff change) and build the list filters from the same rules.
    /// </summary>
    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Staff, p => p.RequireRole(StaffRoles))
            .AddPolicy(Policies.Definitions.Manage, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Catalogue.Manage, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Calendar.Manage, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Windows.Manage, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Windows.RequestStaffChange, p => p.RequireRole(Roles.DepartmentHandler, Roles.DepartmentHead))
            .AddPolicy(Policies.Windows.ReadStaffChanges, p => p.RequireRole(Roles.Administrator, Roles.Supervisor, Roles.DepartmentHandler, Roles.DepartmentHead))
            .AddPolicy(Policies.Cases.File, p => p.RequireRole(Roles.Applicant, Roles.WindowStaff, Roles.Administrator))
            .AddPolicy(Policies.Cases.HandInMaterials, p => p.RequireRole(Roles.Applicant, Roles.WindowStaff))
            .AddPolicy(Policies.Cases.MoveClocks, p => p.RequireRole(Roles.DepartmentHandler, Roles.DepartmentHead))
            .AddPolicy(Policies.Cases.DecideExtension, p => p.RequireRole(Roles.DepartmentHead))
            .AddPolicy(Policies.Tasks.Complete, p => p.RequireRole(Roles.WindowStaff, Roles.DepartmentHandler, Roles.DepartmentHead, Roles.Administrator))
            .AddPolicy(Policies.Supervision.Read, p => p.RequireRole(Roles.Supervisor, Roles.DepartmentHead))
            .AddPolicy(Policies.Supervision.Sweep, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy(Policies.Statistics.Read, p => p.RequireRole(Roles.Supervisor, Roles.Administrator, Roles.DepartmentHead))
            .AddPolicy(Policies.Statistics.Daily, p => p.RequireRole(Roles.Supervisor, Roles.Administrator))
            .AddPolicy(Policies.Users.Manage, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Audit.Read, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy(Policies.Studio.Use, p => p.AddAuthenticationSchemes(BrowserLogin.Scheme).RequireAuthenticatedUser())
            .AddPolicy(Policies.Studio.Timers, p => p.AddAuthenticationSchemes(BrowserLogin.Scheme).RequireRole(Roles.Administrator, Roles.Supervisor));

        builder.Services.AddScoped<CaseAccess>();
        builder.Services.AddScoped<TaskAccess>();
        builder.Services.AddScoped<WarningAccess>();
        builder.Services.AddScoped<StaffChangeAccess>();
        builder.Services.AddScoped<IAuthorizationHandler>(s => s.GetRequiredService<CaseAccess>());
        builder.Services.AddScoped<IAuthorizationHandler>(s => s.GetRequiredService<TaskAccess>());
        builder.Services.AddScoped<IAuthorizationHandler>(s => s.GetRequiredService<WarningAccess>());
        builder.Services.AddScoped<IAuthorizationHandler>(s => s.GetRequiredService<StaffChangeAccess>());
        return builder;
    }
}
