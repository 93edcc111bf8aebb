using System.Security.Claims;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Validation;
using Approval.Engine.Audit;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Definitions;

/// <summary>Replaces the flow's draft with <see cref="Definition"/>, keeping the draft's version.</summary>
internal sealed record UpdateDraftCommand(string DefinitionId, WorkflowDefinition Definition);

internal sealed class UpdateDraft(
    ApprovalDbContext db, ActivityRegistry registry, TimeProvider clock, AuditLog audit, IAuthorizationService authorization)
{
    public async Task<Result<DefinitionDocument>> RunAsync(UpdateDraftCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseFlowChangeAsync(user) is { } refused)
        {
            return refused;
        }

        var (definitionId, definition) = command;
        if (definition.DefinitionId != definitionId)
        {
            return new Refusal.Invalid("/definitionId", $"The body's definitionId '{definition.DefinitionId}' is not '{definitionId}'.");
        }

        var name = DefinitionValidator.Validate(definition, registry).Where(e => e.Path == "/name").ToList();
        if (name.Count > 0)
        {
            return new Refusal.InvalidDefinition(name);
        }

        var record = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Draft, ct);
        if (record is null)
        {
            return new Refusal.NotFound($"Flow '{definitionId}' has no draft; create one with POST /api/definitions.");
        }

        record.Json = WorkflowJson.Serialize(definition with { Version = record.Version });
        record.Name = definition.Name;
        record.UpdatedAt = clock.GetUtcNow();
        record.UpdatedBy = user.Identity?.Name;
        record.ConcurrencyStamp++;
        DefinitionWrites.RecordDraft(audit, record, user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Refusal.Conflict("The draft was changed or published by someone else meanwhile; reload it.");
        }

        return DefinitionWrites.Document(record, registry);
    }
}
