using System.Security.Claims;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Catalogue;

/// <summary>Changes item <see cref="Code"/>: its status (cancel, delegate, adjust) or its content; a change the public sees enters the feed.</summary>
internal sealed record UpdateItemCommand(string Code, CatalogueItem Item);

internal sealed class UpdateItem(ApprovalDbContext db, CatalogueEditor editor, IAuthorizationService authorization)
{
    public async Task<Result<CatalogueItem>> RunAsync(UpdateItemCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseCatalogueChangeAsync(user) is { } refused)
        {
            return refused;
        }

        var (code, request) = command;
        if (request.Code != code)
        {
            return new Refusal.Invalid("code", $"The body's code '{request.Code}' is not '{code}'; an item's code does not change.");
        }

        var errors = await editor.CheckAsync(request, ct: ct);
        if (errors.Count > 0)
        {
            return CatalogueWrites.Invalid(errors);
        }

        var item = await db.PowerItems.FirstOrDefaultAsync(i => i.Code == code, ct);
        if (item is null)
        {
            return new Refusal.NotFound($"There is no item '{code}'.");
        }

        editor.Update(item, request, Actor.From(user));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Refusal.Conflict($"Item '{code}' was changed by someone else meanwhile; reload it.");
        }

        return CatalogueItem.From(item);
    }
}
