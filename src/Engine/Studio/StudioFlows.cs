using System.Security.Claims;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Validation;
using Approval.Designer.Services;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Catalogue;
using Approval.Engine.Definitions;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Studio;

/// <summary>
/// The designer's view of flow definitions. Each call runs the Definitions API's own handler in a
/// scope of its own (as a request would), so the designer gets exactly the API's answers and rules:
/// the centre's staff read, administrators save and publish (<see cref="Policies.Definitions"/>).
/// </summary>
internal sealed class StudioFlows(IServiceScopeFactory scopes, ActivityRegistry registry, TimeProvider clock) : IFlowDesigns
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
        var summaries = (await DefinitionsApi.ListAsync(db, ct)).Value!;
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
        var result = await DefinitionsApi.GetAsync(definitionId, version, db, registry, ct);
        return result.Result is Ok<DefinitionDocument> ok ? Document(ok.Value!) : null;
    }

    public async Task<IReadOnlyList<FlowVersionSummary>> VersionsAsync(ClaimsPrincipal user, string definitionId, CancellationToken ct = default)
    {
        RequireSignedIn(user);
        await using var scope = scopes.CreateAsyncScope();
        if (!await MayReadAsync(scope.ServiceProvider, user))
        {
            return [];
        }

        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var result = await DefinitionsApi.VersionsAsync(definitionId, db, ct);
        return result.Result is Ok<List<DefinitionVersionInfo>> ok
            ? [.. ok.Value!.Select(v => new FlowVersionSummary(v.Version, Status(v.Status), v.Name, v.UpdatedAt, v.PublishedAt, v.UpdatedBy))]
            : [];
    }

    private static AuditLog Audit(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AuditLog>();

    public IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition) => DefinitionValidator.Validate(definition, registry);

    public async Task<DesignOutcome> SaveDraftAsync(ClaimsPrincipal user, WorkflowDefinition definition, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await RefusalAsync(scope.ServiceProvider, user) is { } refused)
        {
            return refused;
        }

        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var hasDraft = await db.Definitions.AnyAsync(d => d.DefinitionId == definition.DefinitionId && d.Status == DefinitionStatus.Draft, ct);
        if (hasDraft)
        {
            return Outcome((await DefinitionsApi.UpdateDraftAsync(definition.DefinitionId, definition, db, registry, clock, user, Audit(scope), ct)).Result);
        }

        return Outcome((await DefinitionsApi.CreateDraftAsync(definition, db, registry, clock, user, Audit(scope), ct)).Result);
    }

    public async Task<DesignOutcome> PublishAsync(ClaimsPrincipal user, string definitionId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await RefusalAsync(scope.ServiceProvider, user) is { } refused)
        {
            return refused;
        }

        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        return Outcome((await DefinitionsApi.PublishAsync(definitionId, db, registry, clock, user, Audit(scope), ct)).Result);
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

    // The API's write endpoints' policy, asked of the same authorisation service.
    private static async Task<DesignOutcome?> RefusalAsync(IServiceProvider services, ClaimsPrincipal user) =>
        (await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, Policies.Definitions.Manage)).Succeeded
            ? null
            : DesignOutcome.Refused("Only administrators (中心管理员) change flows.");

    private static DesignOutcome Outcome(Microsoft.AspNetCore.Http.IResult result) => result switch
    {
        Ok<DefinitionDocument> ok => DesignOutcome.Done(Document(ok.Value!)),
        Created<DefinitionDocument> created => DesignOutcome.Done(Document(created.Value!)),
        ValidationProblem invalid => DesignOutcome.Refused(invalid.ProblemDetails.Title ?? "The flow definition is not valid.", Errors(invalid)),
        ProblemHttpResult problem => DesignOutcome.Refused(problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "Refused."),
        _ => DesignOutcome.Refused("Unexpected answer."),
    };

    private static IReadOnlyList<ValidationError> Errors(ValidationProblem invalid) =>
        invalid.ProblemDetails.Extensions.TryGetValue("validationErrors", out var listed) && listed is IReadOnlyList<ValidationError> errors
            ? errors
            : [.. invalid.ProblemDetails.Errors.SelectMany(e => e.Value.Select(m => new ValidationError("invalid", m, e.Key)))];

    private static FlowDocument Document(DefinitionDocument document) =>
        new(document.Definition, Status(document.Status), document.UpdatedAt, document.Errors);

    private static FlowVersionStatus Status(DefinitionStatus status) => status switch
    {
        DefinitionStatus.Draft => FlowVersionStatus.Draft,
        DefinitionStatus.Published => FlowVersionStatus.Published,
        _ => FlowVersionStatus.Retired,
    };
}
