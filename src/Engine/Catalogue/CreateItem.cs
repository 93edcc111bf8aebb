using System.Security.Claims;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Catalogue;

/// <summary>A new item for the catalogue; it enters the public change feed.</summary>
internal sealed record CreateItemCommand(CatalogueItem Item);

internal sealed class CreateItem(ApprovalDbContext db, CatalogueEditor editor, IAuthorizationService authorization)
{
    public async Task<Result<CatalogueItem>> RunAsync(CreateItemCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseCatalogueChangeAsync(user) is { } refused)
        {
            return refused;
        }

        var request = command.Item;
        var errors = await editor.CheckAsync(request, ct: ct);
        if (errors.Count > 0)
        {
            return CatalogueWrites.Invalid(errors);
        }

        if (await db.PowerItems.AnyAsync(i => i.Code == request.Code, ct))
        {
            return new Refusal.Conflict($"Item '{request.Code}' already exists; change it with PUT.");
        }

        var item = editor.Add(request, Actor.From(user));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Refusal.Conflict($"Item '{request.Code}' was added by someone else at the same time.");
        }

        return CatalogueItem.From(item);
    }
}
