using Approval.Activities.Registry;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Definitions;

/// <summary>The flows and their versions as the API and the designer read them; who may read is the caller's policy.</summary>
internal sealed class DefinitionReads(ApprovalDbContext db, ActivityRegistry registry)
{
    /// <summary>Every flow that is not only retired versions, with its published and draft version.</summary>
    public async Task<List<DefinitionSummary>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Definitions
            .Where(d => d.Status != DefinitionStatus.Retired)
            .Select(d => new { d.DefinitionId, d.Name, d.Version, d.Status, d.UpdatedAt })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => r.DefinitionId).OrderBy(g => g.Key).Select(g =>
        {
            var published = g.FirstOrDefault(r => r.Status == DefinitionStatus.Published);
            var draft = g.FirstOrDefault(r => r.Status == DefinitionStatus.Draft);
            return new DefinitionSummary(
                g.Key, (published ?? draft)!.Name, published?.Version, draft?.Version, g.Max(r => r.UpdatedAt));
        })];
    }

    /// <summary>Version <paramref name="version"/>, or with none the published one; null when there is no such version.</summary>
    public async Task<DefinitionDocument?> GetAsync(string definitionId, int? version, CancellationToken ct)
    {
        var query = db.Definitions.Where(d => d.DefinitionId == definitionId);
        var record = await (version is null
            ? query.Where(d => d.Status == DefinitionStatus.Published)
            : query.Where(d => d.Version == version)).FirstOrDefaultAsync(ct);
        return record is null ? null : DefinitionWrites.Document(record, registry);
    }

    /// <summary>Every version of the flow, newest first; empty when there is no such flow.</summary>
    public Task<List<DefinitionVersionInfo>> VersionsAsync(string definitionId, CancellationToken ct) =>
        db.Definitions
            .Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version)
            .Select(d => new DefinitionVersionInfo(d.Version, d.Status, d.Name, d.CreatedAt, d.UpdatedAt, d.PublishedAt, d.UpdatedBy))
            .ToListAsync(ct);
}
