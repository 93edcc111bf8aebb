using System.Security.Claims;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>Removes a window entered by mistake, with its grants; one that has had staff stays on record.</summary>
internal sealed record DeleteWindowCommand(string Number);

internal sealed class DeleteWindow(ApprovalDbContext db, AuditLog audit, IAuthorizationService authorization)
{
    /// <summary>The window as it was before it was removed.</summary>
    public async Task<Result<ServiceWindow>> RunAsync(DeleteWindowCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseKeepingAsync(user) is { } refused)
        {
            return refused;
        }

        var number = command.Number;
        var window = await db.Windows.Include(w => w.Grants).FirstOrDefaultAsync(w => w.Number == number, ct);
        if (window is null)
        {
            return WindowWrites.NoWindow(number);
        }

        if (await db.WindowAssignments.AnyAsync(a => a.WindowId == window.Id, ct) || await db.StaffChanges.AnyAsync(c => c.WindowId == window.Id, ct))
        {
            return new Refusal.Conflict($"Window '{number}' has had staff: it stays on record. Withdraw its grants and staff instead.");
        }

        db.Windows.Remove(window);
        audit.Record(AuditActions.WindowDeleted, AuditResources.Window, number, new
        {
            window = WindowEditor.Snapshot(window),
            grants = window.Grants.Select(g => g.ItemCode).Order(StringComparer.Ordinal).ToList(),
        }, Actor.From(user));
        await db.SaveChangesAsync(ct);
        return window;
    }
}
