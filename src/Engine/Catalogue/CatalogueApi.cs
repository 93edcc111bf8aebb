using Approval.Activities.Contract;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Catalogue;

/// <summary>Keeping the catalogue: read by staff, written by administrators.</summary>
internal static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue/items").WithTags("Catalogue").RequireAuthorization(Policies.Catalogue.Read);
        group.MapGet("", ListAsync).WithSummary("Every item, whatever its status.");
        group.MapGet("/{code}", GetAsync);

        var write = group.MapGroup("").RequireAuthorization(Policies.Catalogue.Manage);
        write.MapPost("", CreateAsync).WithSummary("Add an item; it enters the public change feed.");
        write.MapPut("/{code}", UpdateAsync).WithSummary("Change an item: its status (cancel, delegate, adjust) or its content; published in the feed.");
        write.MapDelete("/{code}", DeleteAsync).WithSummary("Remove an item entered by mistake; one with cases is cancelled instead.");
        app.MapCatalogueTransfer();
        app.MapPublicCatalogue();
        return app;
    }

    private static async Task<Ok<List<CatalogueItem>>> ListAsync(ApprovalDbContext db, CancellationToken ct)
    {
        var items = await db.PowerItems.AsNoTracking().OrderBy(i => i.Department).ThenBy(i => i.Code).ToListAsync(ct);
        return TypedResults.Ok(items.Select(CatalogueItem.From).ToList());
    }

    private static async Task<Results<Ok<CatalogueItem>, ProblemHttpResult>> GetAsync(string code, ApprovalDbContext db, CancellationToken ct)
    {
        var item = await db.PowerItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        return item is null ? Problems.NotFound($"There is no item '{code}'.") : TypedResults.Ok(CatalogueItem.From(item));
    }

    private static async Task<Results<Created<CatalogueItem>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CatalogueItem request, ApprovalDbContext db, CatalogueEditor editor, CancellationToken ct)
    {
        var errors = await editor.CheckAsync(request, ct: ct);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        if (await db.PowerItems.AnyAsync(i => i.Code == request.Code, ct))
        {
            return Problems.Conflict($"Item '{request.Code}' already exists; change it with PUT.");
        }

        var item = editor.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"Item '{request.Code}' was added by someone else at the same time.");
        }

        return TypedResults.Created($"/api/catalogue/items/{item.Code}", CatalogueItem.From(item));
    }

    private static async Task<Results<Ok<CatalogueItem>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string code, CatalogueItem request, ApprovalDbContext db, CatalogueEditor editor, CancellationToken ct)
    {
        if (request.Code != code)
        {
            return Problems.Invalid("code", $"The body's code '{request.Code}' is not '{code}'; an item's code does not change.");
        }

        var errors = await editor.CheckAsync(request, ct: ct);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var item = await db.PowerItems.FirstOrDefaultAsync(i => i.Code == code, ct);
        if (item is null)
        {
            return Problems.NotFound($"There is no item '{code}'.");
        }

        editor.Update(item, request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict($"Item '{code}' was changed by someone else meanwhile; reload it.");
        }

        return TypedResults.Ok(CatalogueItem.From(item));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string code, ApprovalDbContext db, AuditLog audit, CancellationToken ct)
    {
        var item = await db.PowerItems.FirstOrDefaultAsync(i => i.Code == code, ct);
        if (item is null)
        {
            return Problems.NotFound($"There is no item '{code}'.");
        }

        if (await db.Cases.AnyAsync(c => c.ItemCode == code, ct))
        {
            return Problems.Conflict($"Item '{code}' has applications; cancel it (status Cancelled) instead of deleting it.");
        }

        // An item entered by mistake takes its window grants with it, so a later item of that code starts ungranted.
        db.WindowGrants.RemoveRange(await db.WindowGrants.Where(g => g.ItemCode == code).ToListAsync(ct));
        db.PowerItems.Remove(item);
        audit.Record(AuditActions.CatalogueItemDeleted, AuditResources.CatalogueItem, code, new { item = CatalogueItem.From(item) });
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    internal static ValidationProblem Invalid(IEnumerable<(string Field, string Message)> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The catalogue item is not valid.");
}
