using System.Security.Claims;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>The window no longer serves the item: its grant is withdrawn.</summary>
internal sealed record WithdrawItemCommand(string Number, string ItemCode);

internal sealed class WithdrawItem(ApprovalDbContext db, AuditLog audit, IAuthorizationService authorization)
{
    /// <summary>The grant as it was before it was withdrawn.</summary>
    public async Task<Result<WindowGrant>> RunAsync(WithdrawItemCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseKeepingAsync(user) is { } refused)
        {
            return refused;
        }

        var (number, itemCode) = (command.Number, command.ItemCode);
        var grant = await db.WindowGrants.FirstOrDefaultAsync(g => g.ItemCode == itemCode && db.Windows.Any(w => w.Id == g.WindowId && w.Number == number), ct);
        if (grant is null)
        {
            return new Refusal.NotFound($"Window {number} holds no grant for item {itemCode}.");
        }

        db.WindowGrants.Remove(grant);
        audit.Record(AuditActions.WindowGrantWithdrawn, AuditResources.Window, number, new
        {
            itemCode,
            old = new { grant.MayAccept, grant.MayDecideOnTheSpot },
        }, Actor.From(user));
        await db.SaveChangesAsync(ct);
        return grant;
    }
}
