using System.Security.Claims;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Validation;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;

namespace Approval.Engine.Definitions;

/// <summary>What the draft and publish use cases share: who may write, the audit entry, the answer.</summary>
internal static class DefinitionWrites
{
    /// <summary>Null when <paramref name="user"/> may change flows (<see cref="Policies.Definitions.Manage"/>).</summary>
    public static async Task<Refusal?> RefuseFlowChangeAsync(this IAuthorizationService authorization, ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Definitions.Manage)).Succeeded
            ? null
            : new Refusal.Forbidden("Only administrators (中心管理员) change flows.");

    // The designer calls the use cases outside a request, so the user is named here rather than taken from one.
    public static void RecordDraft(AuditLog audit, DefinitionRecord record, ClaimsPrincipal user) =>
        audit.Record(AuditActions.DefinitionDraftSaved, AuditResources.Definition, record.DefinitionId, new
        {
            version = record.Version,
            name = record.Name,
            sha256 = ContentHash(record.Json),
        }, Actor.From(user));

    /// <summary>The SHA-256 of the definition as stored, so the entry proves which content was saved or published.</summary>
    public static string ContentHash(string json) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));

    /// <summary>The stored version with its state; a draft carries what would stop it being published.</summary>
    public static DefinitionDocument Document(DefinitionRecord record, ActivityRegistry registry)
    {
        var definition = WorkflowJson.Deserialize(record.Json);
        var errors = record.Status == DefinitionStatus.Draft ? DefinitionValidator.Validate(definition, registry) : [];
        return new DefinitionDocument(record.Status, record.UpdatedAt, record.PublishedAt, definition, errors);
    }
}
