using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Identity;

/// <summary>Accounts as the user administration shows them: role, department, window, lockout and whether enabled. Never a password.</summary>
internal sealed class AccountViews(UserManager<ApplicationUser> users, ApprovalDbContext db, TimeProvider clock)
{
    public async Task<List<UserResponse>> ListAsync(CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return [.. accounts.Select(u => View(u, [.. byUser[u.Id].Order(StringComparer.Ordinal)]))];
    }

    public async Task<UserResponse?> GetAsync(string userName) =>
        await users.FindByNameAsync(userName) is { } user ? View(user, [.. await users.GetRolesAsync(user)]) : null;

    public async Task<UserResponse> ViewAsync(ApplicationUser user) => View(user, [.. await users.GetRolesAsync(user)]);

    /// <summary>The changed account as shown, or the change's refusal as it was.</summary>
    public async Task<Result<UserResponse>> ViewAsync(Result<ApplicationUser> change) =>
        change.Refusal is { } refused ? refused : await ViewAsync(change.Value!);

    private UserResponse View(ApplicationUser user, IReadOnlyList<string> roles)
    {
        var enabled = user.LockoutEnd != AccountChanges.Disabled;
        var until = enabled && user.LockoutEnabled && user.LockoutEnd > clock.GetUtcNow() ? user.LockoutEnd : null;
        return new(user.UserName!, user.DisplayName, roles, user.Department, user.Window, until, enabled);
    }
}
