using System.Security.Claims;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Validation;
using Approval.Designer.Services;
using Approval.Engine.Access;
using Approval.Engine.Catalogue;
using Approval.Engine.Definitions;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Studio;

/// <summary>
/// The designer's view of flow definitions. Each call runs in a scope of its own (as a request
/// would) and goes through the same reads and use cases as the Definitions API, so the designer
/// gets exactly the API's answers and rules: the centre's staff read, administrators save and
/// publish (<see cref="Policies.Definitions"/>; the use cases check that themselves).
/// </summary>
internal sealed class StudioFlows(IServiceScopeFactory scopes, ActivityRegistry registry) : IFlowDesigns
{
    public async Task<IReadOnlyList<FlowSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        RequireSignedIn(user);
        await using var scope = scopes.CreateAsyncScope();
        if (!await MayReadAsync(scope.ServiceProvider, user))
        {
            return [];
        }

        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var summaries = await scope.ServiceProvider.GetRequiredService<DefinitionReads>().ListAsync(ct);
        var items = await db.PowerItems.AsNoTracking()
            .Where(i => i.Status != ItemStatus.Cancelled)
            .OrderBy(i => i.Code)
            .Select(i => new { i.DefinitionId, i.Code, i.Name })
            .ToListAsync(ct);
        var changedBy = await db.Definitions.AsNoTracking()
            .Where(d => d.Status != DefinitionStatus.Retired)
            .Select(d => new { d.DefinitionId, d.UpdatedAt, d.UpdatedBy })
            .ToListAsync(ct);
        return [.. summaries.Select(s => new FlowSummary(
            s.DefinitionId, s.Name, s.PublishedVersion, s.DraftVersion,
            [.. items.Where(i => i.DefinitionId == s.DefinitionId).Select(i => new ItemReference(i.Code, i.Name))],
            s.UpdatedAt,
            changedBy.Where(c => c.DefinitionId == s.DefinitionId).OrderByDescending(c => c.UpdatedAt).FirstOrDefault()?.UpdatedBy))];
    }

    public async Task<FlowDocument?> GetAsync(ClaimsPrincipal user, string definitionId, int? version = null, CancellationToken ct = default)
    {
        RequireSignedIn(user);
        await using var scope = scopes.CreateAsyncScope();
        if (!await MayReadAsync(scope.ServiceProvider, user))
        {
            return null;
        }

        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        version ??= await db.Definitions
            .Where(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Draft)
            .Select(d => (int?)d.Version)
            .FirstOrDefaultAsync(ct);
        var document = await scope.ServiceProvider.GetRequiredService<DefinitionReads>().GetAsync(definitionId, version, ct);
        return document is null ? null : Document(document);
    }

    public async Task<IReadOnlyList<FlowVersionSummary>> VersionsAsync(ClaimsPrincipal user, string definitionId, CancellationToken ct = default)
    {
        RequireSignedIn(user);
        await using var scope = scopes.CreateAsyncScope();
        if (!await MayReadAsync(scope.ServiceProvider, user))
        {
            return [];
        }

        var versions = await scope.ServiceProvider.GetRequiredService<DefinitionReads>().VersionsAsync(definitionId, ct);
        return [.. versions.Select(v => new FlowVersionSummary(v.Version, Status(v.Status), v.Name, v.UpdatedAt, v.PublishedAt, v.UpdatedBy))];
    }

    public IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition) => DefinitionValidator.Validate(definition, registry);

    /// <summary>Changes the flow's draft when it has one, else starts one: the same two use cases as PUT .../draft and POST.</summary>
    public async Task<DesignOutcome> SaveDraftAsync(ClaimsPrincipal user, WorkflowDefinition definition, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var hasDraft = await services.GetRequiredService<ApprovalDbContext>().Definitions
            .AnyAsync(d => d.DefinitionId == definition.DefinitionId && d.Status == DefinitionStatus.Draft, ct);
        var result = hasDraft
            ? await services.GetRequiredService<UpdateDraft>().RunAsync(new UpdateDraftCommand(definition.DefinitionId, definition), user, ct)
            : await services.GetRequiredService<CreateDraft>().RunAsync(new CreateDraftCommand(definition), user, ct);
        return Outcome(result);
    }

    public async Task<DesignOutcome> PublishAsync(ClaimsPrincipal user, string definitionId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var publish = scope.ServiceProvider.GetRequiredService<PublishDefinition>();
        return Outcome(await publish.RunAsync(new PublishDefinitionCommand(definitionId), user, ct));
    }

    public async Task<IReadOnlyList<DepartmentOption>> DepartmentsAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var departments = await db.PowerItems.AsNoTracking()
            .Select(i => new { i.Department, i.DepartmentName })
            .Distinct()
            .ToListAsync(ct);
        return [.. departments.GroupBy(d => d.Department).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DepartmentOption(g.Key, g.First().DepartmentName))];
    }

    private static void RequireSignedIn(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new UnauthorizedAccessException("Sign in first.");
        }
    }

    // The API's read policy: the centre's staff, not applicants.
    private static async Task<bool> MayReadAsync(IServiceProvider services, ClaimsPrincipal user) =>
        (await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, Policies.Definitions.Read)).Succeeded;

    private static DesignOutcome Outcome(Result<DefinitionDocument> result) => result.Refusal switch
    {
        null => DesignOutcome.Done(Document(result.Value!)),
        Refusal.InvalidDefinition invalid => DesignOutcome.Refused(invalid.Detail, invalid.Errors),
        Refusal.Invalid invalid => DesignOutcome.Refused(invalid.Title, [.. invalid.Errors.Select(e => new ValidationError("invalid", e.Message, e.Field))]),
        var refusal => DesignOutcome.Refused(refusal.Detail),
    };

    private static FlowDocument Document(DefinitionDocument document) =>
        new(document.Definition, Status(document.Status), document.UpdatedAt, document.Errors);

    private static FlowVersionStatus Status(DefinitionStatus status) => status switch
    {
        DefinitionStatus.Draft => FlowVersionStatus.Draft,
        DefinitionStatus.Published => FlowVersionStatus.Published,
        _ => FlowVersionStatus.Retired,
    };
}
