using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Catalogue;

/// <summary>What anyone may read without logging in: the items in force and every change (动态公布).</summary>
internal static class PublicCatalogueApi
{
    public static IEndpointRouteBuilder MapPublicCatalogue(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public/items").WithTags("Public").AllowAnonymous();
        group.MapGet("", SearchAsync).WithSummary("Items in force, searched by name, department or item type.");
        group.MapGet("/changes", ChangesAsync).WithSummary("New, cancelled, delegated and adjusted items with their dates, since a day.");
        group.MapGet("/{code}", GetAsync).WithSummary("One item with its materials, limits, fees and phones.");
        return app;
    }

    private static async Task<Results<Ok<List<PublicItemSummary>>, ValidationProblem>> SearchAsync(
        ApprovalDbContext db, CancellationToken ct, string? name = null, string? department = null, string? type = null)
    {
        if (name?.Length > 100 || department?.Length > 100 || type?.Length > 2)
        {
            return Problems.Invalid("name", "name and department are at most 100 characters, type 2.");
        }

        var query = db.PowerItems.AsNoTracking().Where(i => i.Status != ItemStatus.Cancelled);
        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(i => i.Name.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(department))
        {
            query = query.Where(i => i.Department == department || i.DepartmentName.Contains(department));
        }

        if (!string.IsNullOrWhiteSpace(type))
        {
            query = query.Where(i => i.ItemType == type);
        }

        var items = await query.OrderBy(i => i.Department).ThenBy(i => i.Code)
            .Select(i => new PublicItemSummary(i.Code, i.Name, i.ItemType, i.Department, i.DepartmentName, i.StatutoryLimit,
                i.PromisedLimit, i.CaseKind, i.OnlineAvailable, i.Status))
            .ToListAsync(ct);
        return TypedResults.Ok(items);
    }

    private static async Task<Results<Ok<CatalogueItem>, ProblemHttpResult>> GetAsync(string code, ApprovalDbContext db, CancellationToken ct)
    {
        var item = await db.PowerItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        return item is null ? Problems.NotFound($"There is no item '{code}'.") : TypedResults.Ok(CatalogueItem.From(item));
    }

    private static async Task<Results<Ok<List<PublicItemChange>>, ValidationProblem>> ChangesAsync(
        ApprovalDbContext db, CancellationToken ct, string? since = null)
    {
        var from = DateOnly.MinValue;
        if (since is not null && !DateOnly.TryParseExact(since, "yyyy-MM-dd", out from))
        {
            return Problems.Invalid("since", "since must be a date as YYYY-MM-DD.");
        }

        var changes = await db.ItemChanges.AsNoTracking()
            .Where(c => c.EffectiveDate >= from)
            .OrderBy(c => c.EffectiveDate).ThenBy(c => c.Id)
            .Take(1000)
            .Select(c => new PublicItemChange(c.ItemCode, c.ItemName, c.Department, c.Kind, c.EffectiveDate, c.RecordedAt, c.Note))
            .ToListAsync(ct);
        return TypedResults.Ok(changes);
    }
}

public sealed record PublicItemSummary(
    string Code, string Name, string ItemType, string Department, string DepartmentName, int StatutoryLimit,
    int PromisedLimit, CaseKind CaseKind, bool OnlineAvailable, ItemStatus Status);

public sealed record PublicItemChange(
    string ItemCode, string ItemName, string Department, ChangeKind Kind, DateOnly EffectiveDate, DateTimeOffset RecordedAt, string? Note);
