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

/// <summary>A new flow's first draft, or a new draft of a flow that has none (the last version + 1).</summary>
internal sealed record CreateDraftCommand(WorkflowDefinition Definition);

internal sealed class CreateDraft(
    ApprovalDbContext db, ActivityRegistry registry, TimeProvider clock, AuditLog audit, IAuthorizationService authorization)
{
    public async Task<Result<DefinitionDocument>> RunAsync(CreateDraftCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseFlowChangeAsync(user) is { } refused)
        {
            return refused;
        }

        // A draft may be unfinished; only what names it must hold already.
        var definition = command.Definition;
        var header = DefinitionValidator.Validate(definition, registry).Where(e => e.Path is "/definitionId" or "/name").ToList();
        if (header.Count > 0)
        {
            return new Refusal.InvalidDefinition(header);
        }

        var versions = await db.Definitions.Where(d => d.DefinitionId == definition.DefinitionId)
            .Select(d => new { d.Version, d.Status }).ToListAsync(ct);
        if (versions.Any(v => v.Status == DefinitionStatus.Draft))
        {
            return new Refusal.Conflict($"Flow '{definition.DefinitionId}' already has a draft; change it with PUT /api/definitions/{definition.DefinitionId}/draft.");
        }

        var draft = definition with { Version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1 };
        var record = DefinitionRecord.Create(draft, DefinitionStatus.Draft, clock.GetUtcNow(), user.Identity?.Name);
        db.Definitions.Add(record);
        DefinitionWrites.RecordDraft(audit, record, user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Refusal.Conflict($"Another draft of '{draft.DefinitionId}' was created at the same time.");
        }

        return DefinitionWrites.Document(record, registry);
    }
}
