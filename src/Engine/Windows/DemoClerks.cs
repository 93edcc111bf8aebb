using Approval.Activities.Contract;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>
/// In Development, seats the demo clerks at the sample windows their accounts name (from the day
/// of first start), so the hall can be tried at once. Outside Development there are no demo users.
/// </summary>
internal sealed class DemoClerks(
    ApprovalDbContext db, StaffRoster roster, IConfiguration configuration, IHostEnvironment environment, ILogger<DemoClerks> logger)
{
    public async Task SeatAsync(CancellationToken ct = default)
    {
        if (!environment.IsDevelopment() || !configuration.GetValue<bool>("Demo:SeedUsers"))
        {
            return;
        }

        var clerks = await db.Users
            .Where(u => u.Window != null && !db.WindowAssignments.Any(a => a.UserId == u.Id && a.EndedOn == null))
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.WindowStaff)))
            .ToListAsync(ct);
        foreach (var clerk in clerks)
        {
            var window = await db.Windows.FirstOrDefaultAsync(w => w.Number == clerk.Window, ct);
            if (window is not null)
            {
                roster.Start(window, clerk, roster.Today, "demo");
                logger.LogInformation("Demo clerk {User} serves at window {Window}.", clerk.UserName, window.Number);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            logger.LogInformation("Another node seated the demo clerks first.");
        }
    }
}
