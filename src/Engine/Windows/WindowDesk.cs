using Approval.Activities.Contract;
using Approval.Activities.Human;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>
/// What a clerk may do at their window: receive and accept only the items the window serves, and
/// decide on the spot only those it holds the on-the-spot grant for. The clerk's window is their
/// current assignment, read each time, so a clerk withdrawn today cannot act on an older sign-in.
/// </summary>
internal sealed class WindowDesk(ApprovalDbContext db)
{
    /// <summary>Null when <paramref name="actor"/> may act on an application for <paramref name="itemCode"/> at their window, else why not.</summary>
    public async Task<string?> RefuseAsync(Actor actor, string itemCode, bool onTheSpot, CancellationToken ct)
    {
        var window = await db.WindowAssignments.AsNoTracking()
            .Where(a => a.UserId == actor.UserId && a.EndedOn == null)
            .Select(a => new { a.WindowId, a.Window.Number })
            .FirstOrDefaultAsync(ct);
        if (window is null)
        {
            return $"{actor.UserName} serves at no window: only a clerk at a window that serves item {itemCode} may act on it.";
        }

        var grant = await db.WindowGrants.AsNoTracking().FirstOrDefaultAsync(g => g.WindowId == window.WindowId && g.ItemCode == itemCode, ct);
        if (grant is not { MayAccept: true })
        {
            return $"Window {window.Number} does not serve item {itemCode}: it holds no grant to accept it.";
        }

        return onTheSpot && !grant.MayDecideOnTheSpot
            ? $"Window {window.Number} accepts item {itemCode} but holds no grant to decide it on the spot."
            : null;
    }

    /// <summary>
    /// The inbox as a clerk should see it: window steps of applications for items their window
    /// serves (on-the-spot decisions only where it holds that grant), and every other task as before.
    /// </summary>
    public IQueryable<WorkflowTask> Visible(IQueryable<WorkflowTask> tasks, Actor actor)
    {
        if (!actor.Roles.Contains(Roles.WindowStaff))
        {
            return tasks;
        }

        var windows = db.WindowAssignments.Where(a => a.UserId == actor.UserId && a.EndedOn == null).Select(a => a.WindowId);
        var grants = db.WindowGrants.Where(g => windows.Contains(g.WindowId) && g.MayAccept);
        return tasks.Where(t => t.Role != Roles.WindowStaff
            || db.Cases.Where(c => c.Id == t.InstanceId).All(c => c.ItemCode == null
                || grants.Any(g => g.ItemCode == c.ItemCode && (t.ActivityType != Decide.TypeName || g.MayDecideOnTheSpot))));
    }
}

/// <summary>Window steps of applications are for clerks at windows that serve the item.</summary>
internal sealed class WindowTaskGuard(ApprovalDbContext db, WindowDesk desk) : ITaskGuard
{
    public async ValueTask<string?> RefuseAsync(Actor actor, WorkflowTask task, CancellationToken ct)
    {
        if (task.Role != Roles.WindowStaff)
        {
            return null;
        }

        var itemCode = await db.Cases.AsNoTracking().Where(c => c.Id == task.InstanceId).Select(c => c.ItemCode).FirstOrDefaultAsync(ct);

        // A Decide step given to window staff is the on-the-spot decision (当场办结).
        return itemCode is null ? null : await desk.RefuseAsync(actor, itemCode, onTheSpot: task.ActivityType == Decide.TypeName, ct);
    }
}
