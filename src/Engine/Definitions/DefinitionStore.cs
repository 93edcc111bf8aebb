using System.Collections.Concurrent;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Definitions;

/// <summary>
/// Published versions never change, so each is parsed and compiled once per node and kept.
/// Which version is current is read from the database every time: another node may have published.
/// </summary>
internal sealed class DefinitionStore(ActivityRegistry registry)
{
    private readonly ConcurrentDictionary<(string, int), CompiledDefinition> _compiled = new();

    public ActivityRegistry Registry => registry;

    public async Task<CompiledDefinition?> GetCurrentAsync(ApprovalDbContext db, string definitionId, CancellationToken ct)
    {
        var version = await db.Definitions
            .Where(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Published)
            .Select(d => (int?)d.Version)
            .FirstOrDefaultAsync(ct);
        return version is null ? null : await GetAsync(db, definitionId, version.Value, ct);
    }

    /// <summary>A version that has been published (current or retired).</summary>
    public async Task<CompiledDefinition> GetAsync(ApprovalDbContext db, string definitionId, int version, CancellationToken ct)
    {
        if (_compiled.TryGetValue((definitionId, version), out var compiled))
        {
            return compiled;
        }

        var json = await db.Definitions
            .Where(d => d.DefinitionId == definitionId && d.Version == version && d.Status != DefinitionStatus.Draft)
            .Select(d => d.Json)
            .SingleAsync(ct);
        return _compiled.GetOrAdd((definitionId, version), _ => new CompiledDefinition(WorkflowJson.Deserialize(json), registry));
    }
}
