using Approval.Activities.Definitions;
using Approval.Activities.Validation;
using Approval.Engine.Audit;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Definitions;

/// <summary>
/// On start, publishes each workflows/*.json whose flow the database does not have yet, so a
/// restart imports nothing twice and an administrator's later versions are never overwritten.
/// </summary>
internal sealed class WorkflowImport(
    ApprovalDbContext db, DefinitionStore store, IConfiguration configuration, TimeProvider clock, AuditLog audit, ILogger<WorkflowImport> logger)
{
    public async Task ImportAsync(CancellationToken ct = default)
    {
        var folder = configuration["Workflows:Path"] ?? Path.Combine(AppContext.BaseDirectory, "workflows");
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("No flow folder at {Folder}; nothing imported.", folder);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var definition = WorkflowJson.Deserialize(await File.ReadAllTextAsync(file, ct));
            if (await db.Definitions.AnyAsync(d => d.DefinitionId == definition.DefinitionId, ct))
            {
                continue;
            }

            var errors = DefinitionValidator.Validate(definition, store.Registry);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{Path.GetFileName(file)} is not a valid flow: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"))}");
            }

            var record = DefinitionRecord.Create(definition, DefinitionStatus.Published, clock.GetUtcNow(), "import");
            db.Definitions.Add(record);
            audit.Record(AuditActions.DefinitionPublished, AuditResources.Definition, record.DefinitionId, new
            {
                version = record.Version,
                name = record.Name,
                file = Path.GetFileName(file),
                sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(record.Json))),
            }, bySystem: true);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await db.Definitions.AnyAsync(d => d.DefinitionId == definition.DefinitionId, ct))
                {
                    throw;
                }

                logger.LogInformation("Flow {DefinitionId} was imported by another node starting at the same time.", definition.DefinitionId);
                continue;
            }

            logger.LogInformation("Imported and published flow {DefinitionId} v{Version} from {File}.", definition.DefinitionId, definition.Version, Path.GetFileName(file));
        }
    }
}
