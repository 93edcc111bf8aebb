using System.Security.Claims;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Catalogue;

/// <summary>
/// Removes an item entered by mistake, with its window grants. An item with applications is never
/// removed (their records name it): that is a conflict, and the item is cancelled instead (status Cancelled).
/// </summary>
internal sealed record RemoveItemCommand(string Code);

internal sealed class RemoveItem(ApprovalDbContext db, AuditLog audit, IAuthorizationService authorization)
{
    /// <summary>The item as it was before it was removed.</summary>
    public async Task<Result<CatalogueItem>> RunAsync(RemoveItemCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseCatalogueChangeAsync(user) is { } refused)
        {
            return refused;
        }

        var code = command.Code;
        var item = await db.PowerItems.FirstOrDefaultAsync(i => i.Code == code, ct);
        if (item is null)
        {
            return new Refusal.NotFound($"There is no item '{code}'.");
        }

        if (await db.Cases.AnyAsync(c => c.ItemCode == code, ct))
        {
            return new Refusal.Conflict($"Item '{code}' has applications; cancel it (status Cancelled) instead of deleting it.");
        }

        // An item entered by mistake takes its window grants with it, so a later item of that code starts ungranted.
        db.WindowGrants.RemoveRange(await db.WindowGrants.Where(g => g.ItemCode == code).ToListAsync(ct));
        db.PowerItems.Remove(item);
        var removed = CatalogueItem.From(item);
        audit.Record(AuditActions.CatalogueItemDeleted, AuditResources.CatalogueItem, code, new { item = removed }, Actor.From(user));
        await db.SaveChangesAsync(ct);
        return removed;
    }
}
