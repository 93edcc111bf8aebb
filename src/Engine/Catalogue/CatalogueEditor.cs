using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Deadlines;
using Approval.Engine.Definitions;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Catalogue;

/// <summary>
/// Adds and changes items under the catalogue's rules and records each change in the public feed.
/// The caller saves, so a whole import is one transaction. Each change is audited (fees, which
/// the catalogue holds and cases do not, with it), as done by <c>actor</c> when one is named.
/// Who may change the catalogue is the caller's question (<see cref="CatalogueWrites"/>).
/// </summary>
internal sealed class CatalogueEditor(ApprovalDbContext db, TimeProvider clock, AuditLog audit)
{
    /// <summary>Today in China, the calendar the catalogue's dates are in.</summary>
    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>Every problem with the item, the rules' and whether its flow can run it.</summary>
    public async Task<List<(string Field, string Message)>> CheckAsync(
        CatalogueItem item, IReadOnlySet<string>? publishedFlows = null, CancellationToken ct = default)
    {
        var errors = CatalogueRules.Check(item);
        if (item.Status != ItemStatus.Cancelled && !string.IsNullOrWhiteSpace(item.DefinitionId))
        {
            var published = publishedFlows?.Contains(item.DefinitionId)
                ?? await db.Definitions.AnyAsync(d => d.DefinitionId == item.DefinitionId && d.Status == DefinitionStatus.Published, ct);
            if (!published)
            {
                errors.Add(("definitionId", $"Flow '{item.DefinitionId}' has no published version; an item in force must run a published flow."));
            }
        }

        return errors;
    }

    public async Task<HashSet<string>> PublishedFlowsAsync(CancellationToken ct) =>
        [.. await db.Definitions.Where(d => d.Status == DefinitionStatus.Published).Select(d => d.DefinitionId).ToListAsync(ct)];

    public PowerItem Add(CatalogueItem request, Actor? actor = null)
    {
        var now = clock.GetUtcNow();
        var item = new PowerItem
        {
            Code = request.Code,
            Name = request.Name,
            ItemType = request.ItemType,
            Department = request.Department,
            DepartmentName = request.DepartmentName,
            DefinitionId = request.DefinitionId,
            CreatedAt = now,
        };
        request.ApplyTo(item, Today);
        item.UpdatedAt = now;
        db.PowerItems.Add(item);
        Record(item, item.Status == ItemStatus.Active ? ChangeKind.New : Kind(item.Status), "新增事项");
        audit.Record(AuditActions.CatalogueItemCreated, AuditResources.CatalogueItem, item.Code, new { item = CatalogueItem.From(item) }, actor);
        return item;
    }

    /// <summary>Applies the request; a change of status or of anything published enters the feed.</summary>
    public void Update(PowerItem item, CatalogueItem request, Actor? actor = null)
    {
        var oldStatus = item.Status;
        var before = CatalogueItem.From(item);
        if (!request.ApplyTo(item, Today))
        {
            return;
        }

        var changes = AuditDiff.Of(before, CatalogueItem.From(item));
        audit.Record(
            item.Status == ItemStatus.Cancelled && oldStatus != ItemStatus.Cancelled ? AuditActions.CatalogueItemCancelled : AuditActions.CatalogueItemUpdated,
            AuditResources.CatalogueItem, item.Code, new { changes }, actor);

        item.UpdatedAt = clock.GetUtcNow();
        item.ConcurrencyStamp++;
        var kind = item.Status == oldStatus
            ? ChangeKind.Adjusted
            : item.Status == ItemStatus.Active ? ChangeKind.New : Kind(item.Status);
        Record(item, kind, item.Status == oldStatus ? "事项信息调整" : $"状态由 {oldStatus} 变为 {item.Status}");
    }

    private static ChangeKind Kind(ItemStatus status) => status switch
    {
        ItemStatus.Cancelled => ChangeKind.Cancelled,
        ItemStatus.Delegated => ChangeKind.Delegated,
        _ => ChangeKind.Adjusted,
    };

    private void Record(PowerItem item, ChangeKind kind, string note) =>
        db.ItemChanges.Add(new ItemChange
        {
            ItemCode = item.Code,
            ItemName = item.Name,
            Department = item.Department,
            Kind = kind,
            EffectiveDate = item.Status == ItemStatus.Cancelled && item.EffectiveTo is { } to ? to : item.EffectiveFrom,
            RecordedAt = clock.GetUtcNow(),
            Note = note,
        });
}
