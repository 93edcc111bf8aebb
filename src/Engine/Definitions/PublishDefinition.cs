using System.Security.Claims;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Validation;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Definitions;

/// <summary>The flow's draft becomes the version new cases run; the published one is retired, running cases stay on theirs.</summary>
internal sealed record PublishDefinitionCommand(string DefinitionId);

internal sealed class PublishDefinition(
    ApprovalDbContext db, ActivityRegistry registry, TimeProvider clock, AuditLog audit, IAuthorizationService authorization)
{
    public async Task<Result<DefinitionDocument>> RunAsync(PublishDefinitionCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseFlowChangeAsync(user) is { } refused)
        {
            return refused;
        }

        var definitionId = command.DefinitionId;
        var draft = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Draft, ct);
        if (draft is null)
        {
            return new Refusal.NotFound($"Flow '{definitionId}' has no draft to publish.");
        }

        var errors = DefinitionValidator.Validate(WorkflowJson.Deserialize(draft.Json), registry);
        if (errors.Count > 0)
        {
            return new Refusal.InvalidDefinition(errors);
        }

        var now = clock.GetUtcNow();
        try
        {
            // SQL Server retries transient failures, which a hand-opened transaction only survives
            // inside the execution strategy, starting each attempt from fresh entities.
            draft = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var versions = await db.Definitions
                    .Where(d => d.DefinitionId == definitionId && d.Status != DefinitionStatus.Retired)
                    .ToListAsync(ct);
                var toPublish = versions.FirstOrDefault(d => d.Status == DefinitionStatus.Draft && d.Version == draft.Version)
                    ?? throw new DbUpdateConcurrencyException("The draft was published or replaced meanwhile.");

                // Retire first: the unique index allows one published version per flow at every moment.
                var current = versions.FirstOrDefault(d => d.Status == DefinitionStatus.Published);
                if (current is not null)
                {
                    current.Status = DefinitionStatus.Retired;
                    current.ConcurrencyStamp++;
                    await db.SaveChangesAsync(ct);
                }

                toPublish.Status = DefinitionStatus.Published;
                toPublish.PublishedAt = now;
                toPublish.UpdatedAt = now;
                toPublish.UpdatedBy = user.Identity?.Name;
                toPublish.ConcurrencyStamp++;
                audit.Record(AuditActions.DefinitionPublished, AuditResources.Definition, definitionId, new
                {
                    version = toPublish.Version,
                    name = toPublish.Name,
                    retiredVersion = current?.Version,
                    sha256 = DefinitionWrites.ContentHash(toPublish.Json),
                }, Actor.From(user));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return toPublish;
            });
        }
        catch (DbUpdateException)
        {
            return new Refusal.Conflict($"Flow '{definitionId}' was changed or published by someone else meanwhile.");
        }

        return DefinitionWrites.Document(draft, registry);
    }
}
