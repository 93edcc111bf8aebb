using Approval.Activities.Contract;
using Approval.Engine.Audit;
using Approval.Engine.Deadlines;
using Approval.Engine.Identity;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Engine.Windows;

/// <summary>
/// Who serves at which window, and the minimum term (原则上不少于2年): starting and ending a
/// clerk's service, and telling whether an end would come early. Changes tracked entities only;
/// the caller saves.
/// </summary>
internal sealed class StaffRoster(ApprovalDbContext db, TimeProvider clock, IOptions<WindowOptions> options, AuditLog audit)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public int MinimumTermYears => options.Value.MinimumTermYears;

    public DateOnly TermEndsOn(WindowAssignment assignment) => assignment.StartedOn.AddYears(MinimumTermYears);

    /// <summary>Ending it today would cut the minimum term short: only the centre's approval allows that.</summary>
    public bool IsEarly(WindowAssignment assignment) => Today < TermEndsOn(assignment);

    public Task<WindowAssignment?> CurrentAsync(int windowId, string userName, CancellationToken ct) =>
        db.WindowAssignments.FirstOrDefaultAsync(a => a.WindowId == windowId && a.UserName == userName && a.EndedOn == null, ct);

    /// <summary>The user who may start at a window, or why they may not: unknown, not window staff, or serving elsewhere.</summary>
    public async Task<(ApplicationUser? User, string? Problem)> NewcomerAsync(string userName, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            return (null, $"There is no user '{userName}'.");
        }

        var isClerk = await db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .AnyAsync(name => name == Roles.WindowStaff, ct);
        if (!isClerk)
        {
            return (null, $"'{userName}' is not window staff (窗口人员).");
        }

        var serving = await db.WindowAssignments.Where(a => a.UserId == user.Id && a.EndedOn == null)
            .Select(a => new { a.Window.Number, a.StartedOn }).FirstOrDefaultAsync(ct);
        return serving is null
            ? (user, null)
            : (null, $"'{userName}' already serves at window {serving.Number} (since {serving.StartedOn:yyyy-MM-dd}); moving a clerk is a staff change.");
    }

    /// <summary>The clerk starts at the window; <paramref name="actor"/> is who seats them, for the audit entry (the request's user when null).</summary>
    public WindowAssignment Start(ServiceWindow window, ApplicationUser user, DateOnly startedOn, string? by, Guid? staffChangeId = null, Actor? actor = null)
    {
        var assignment = new WindowAssignment
        {
            WindowId = window.Id,
            Window = window,
            UserId = user.Id,
            UserName = user.UserName!,
            DisplayName = user.DisplayName,
            StartedOn = startedOn,
            AssignedBy = by,
            StaffChangeId = staffChangeId,
        };
        db.WindowAssignments.Add(assignment);
        audit.Record(AuditActions.StaffAssigned, AuditResources.Window, window.Number, new
        {
            userName = assignment.UserName,
            startedOn = startedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            staffChangeId,
        }, actor);

        // The profile's window is what the sign-in token carries; the assignment is what acting is checked against.
        user.Window = window.Number;
        return assignment;
    }

    public async Task EndAsync(WindowAssignment assignment, string? by, string reason, Guid? staffChangeId, Actor? actor, CancellationToken ct)
    {
        assignment.EndedOn = Today;
        assignment.EndedBy = by;
        assignment.EndReason = reason;
        assignment.StaffChangeId ??= staffChangeId;
        var number = assignment.Window?.Number ?? await db.Windows.Where(w => w.Id == assignment.WindowId).Select(w => w.Number).FirstAsync(ct);
        audit.Record(AuditActions.StaffEnded, AuditResources.Window, number, new
        {
            userName = assignment.UserName,
            endedOn = assignment.EndedOn.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            reason,
            staffChangeId,
        }, actor);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == assignment.UserId, ct);
        if (user is not null)
        {
            user.Window = null;
        }
    }

    public WindowStaffView View(WindowAssignment a) =>
        new(a.UserName, a.DisplayName, a.StartedOn, TermEndsOn(a), a.EndedOn, a.EndReason);
}
