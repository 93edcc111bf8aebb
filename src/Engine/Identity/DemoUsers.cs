using Approval.Activities.Contract;
using Microsoft.AspNetCore.Identity;

namespace Approval.Engine.Identity;

/// <summary>
/// The demo accounts of Development (Demo:SeedUsers with Demo:Password). Anywhere else the
/// platform refuses to start with either configured: no known password reaches production.
/// </summary>
internal sealed class DemoUsers(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IConfiguration configuration,
    IHostEnvironment environment, ILogger<DemoUsers> logger)
{
    public const string MarketRegulation = "market-regulation";
    public const string HousingConstruction = "housing-construction";

    private static readonly (string Name, string DisplayName, string Role, string? Department, string? Window)[] Accounts =
    [
        ("admin", "中心管理员", Roles.Administrator, null, null),
        ("window1", "综合窗口一号", Roles.WindowStaff, null, "W01"),
        ("window2", "综合窗口二号", Roles.WindowStaff, null, "W02"),
        ("window3", "公安局窗口", Roles.WindowStaff, null, "W03"),
        ("window4", "不动产登记窗口", Roles.WindowStaff, null, "W04"),
        ("window5", "人社局窗口", Roles.WindowStaff, null, "W05"),
        ("window6", "便民窗口（社保）", Roles.WindowStaff, null, "W06"),
        ("window7", "便民窗口（卫健民政）", Roles.WindowStaff, null, "W07"),
        ("clerk1", "后备窗口人员", Roles.WindowStaff, null, null),
        ("handler1", "市场监管局经办人", Roles.DepartmentHandler, MarketRegulation, null),
        ("head1", "市场监管局负责人", Roles.DepartmentHead, MarketRegulation, null),
        ("handler2", "住建局经办人", Roles.DepartmentHandler, HousingConstruction, null),
        ("head2", "住建局负责人", Roles.DepartmentHead, HousingConstruction, null),
        ("supervisor1", "电子监察室", Roles.Supervisor, null, null),
        ("applicant1", "申请人张三", Roles.Applicant, null, null),
    ];

    public static void ThrowIfConfiguredOutsideDevelopment(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment()
            && (configuration["Demo:Password"] is not null || configuration.GetValue<bool>("Demo:SeedUsers")))
        {
            throw new InvalidOperationException(
                $"Demo users and the demo password are for Development only; remove the Demo section from the {environment.EnvironmentName} configuration.");
        }
    }

    public async Task SeedAsync()
    {
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        ThrowIfConfiguredOutsideDevelopment(configuration, environment);
        var password = configuration["Demo:Password"];
        if (!environment.IsDevelopment() || !configuration.GetValue<bool>("Demo:SeedUsers") || string.IsNullOrEmpty(password))
        {
            return;
        }

        foreach (var (name, displayName, role, department, window) in Accounts)
        {
            if (await users.FindByNameAsync(name) is not null)
            {
                continue;
            }

            var user = new ApplicationUser { UserName = name, DisplayName = displayName, Department = department, Window = window };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded && await users.FindByNameAsync(name) is not null)
            {
                continue; // another node starting at the same time made it
            }

            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {name}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, role);
            logger.LogInformation("Demo user {User} ({Role}) created.", name, role);
        }
    }
}
