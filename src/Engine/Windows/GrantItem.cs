using System.Security.Claims;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>Lets a window accept an item, and decide it on the spot (an instant item, its head holding middle-level chief's authority).</summary>
internal sealed record GrantItemCommand(string Number, string ItemCode, WindowGrantRequest Grant);

internal sealed class GrantItem(ApprovalDbContext db, WindowEditor editor, IAuthorizationService authorization)
{
    public async Task<Result<WindowGrantView>> RunAsync(GrantItemCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseKeepingAsync(user) is { } refused)
        {
            return refused;
        }

        var (number, itemCode) = (command.Number, command.ItemCode);
        var window = await db.Windows.Include(w => w.Grants).FirstOrDefaultAsync(w => w.Number == number, ct);
        if (window is null)
        {
            return WindowWrites.NoWindow(number);
        }

        var item = await db.PowerItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == itemCode, ct);
        if (item is null)
        {
            return new Refusal.NotFound($"There is no item '{itemCode}'.");
        }

        var errors = WindowEditor.CheckGrant(window, item, command.Grant);
        if (errors.Count > 0)
        {
            return WindowWrites.Invalid(errors, $"Window {number} cannot hold this grant for item {itemCode}.");
        }

        var actor = Actor.From(user);
        var grant = editor.Grant(window, itemCode, command.Grant, actor.UserName, actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Refusal.Conflict($"The grant of item {itemCode} to window {number} was changed by someone else at the same time; reload it.");
        }

        return new WindowGrantView(
            itemCode, item.Name, item.Department, item.CaseKind, grant.MayAccept, grant.MayDecideOnTheSpot, WindowViews.Authority(grant));
    }
}
