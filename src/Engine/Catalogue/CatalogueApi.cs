using System.Security.Claims;
using Approval.Engine.Access;
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

        // Who may write is the use cases' question: administrators (CatalogueWrites).
        group.MapPost("", CreateAsync).WithSummary("Add an item; it enters the public change feed.");
        group.MapPut("/{code}", UpdateAsync).WithSummary("Change an item: its status (cancel, delegate, adjust) or its content; published in the feed.");
        group.MapDelete("/{code}", DeleteAsync).WithSummary(
            "Remove an item entered by mistake, with its window grants. An item with applications is not removed (409): cancel it with PUT and status Cancelled instead.");
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

    private static async Task<Results<Created<CatalogueItem>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        CatalogueItem request, CreateItem create, ClaimsPrincipal user, CancellationToken ct) =>
        (await create.RunAsync(new CreateItemCommand(request), user, ct)).ToHttp(item => TypedResults.Created($"/api/catalogue/items/{item.Code}", item));

    private static async Task<Results<Ok<CatalogueItem>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        string code, CatalogueItem request, UpdateItem update, ClaimsPrincipal user, CancellationToken ct) =>
        (await update.RunAsync(new UpdateItemCommand(code, request), user, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteAsync(
        string code, RemoveItem remove, ClaimsPrincipal user, CancellationToken ct) =>
        (await remove.RunAsync(new RemoveItemCommand(code), user, ct)).ToHttp(_ => TypedResults.NoContent());
}
