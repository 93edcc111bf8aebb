using System.Security.Claims;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Validation;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Http;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Definitions;

/// <summary>Flow definitions and their versions: read by anyone signed in, written by administrators.</summary>
internal static class DefinitionsApi
{
    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", (ActivityRegistry registry) => TypedResults.Ok(registry.Descriptors))
            .RequireAuthorization(Policies.Definitions.Read)
            .WithTags("Definitions")
            .WithSummary("The activity types a flow can use: what the designer's palette shows.");

        var group = app.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization(Policies.Definitions.Read);
        group.MapGet("", ListAsync);
        group.MapGet("/{definitionId}", GetAsync).WithSummary("The current published version, or ?version=N.");
        group.MapGet("/{definitionId}/versions", VersionsAsync);
        group.MapPost("/validate", Validate).WithSummary("200 when the definition could be published, else 400 listing every error.");

        var write = group.MapGroup("").RequireAuthorization(Policies.Definitions.Manage);
        write.MapPost("", CreateDraftAsync).WithSummary("A new flow's first draft, or a new draft of an existing flow.");
        write.MapPut("/{definitionId}/draft", UpdateDraftAsync);
        write.MapPost("/{definitionId}/publish", PublishAsync).WithSummary("The draft becomes the version new cases run.");
        return app;
    }

    internal static async Task<Ok<List<DefinitionSummary>>> ListAsync(ApprovalDbContext db, CancellationToken ct)
    {
        var rows = await db.Definitions
            .Where(d => d.Status != DefinitionStatus.Retired)
            .Select(d => new { d.DefinitionId, d.Name, d.Version, d.Status, d.UpdatedAt })
            .ToListAsync(ct);
        var list = rows.GroupBy(r => r.DefinitionId).OrderBy(g => g.Key).Select(g =>
        {
            var published = g.FirstOrDefault(r => r.Status == DefinitionStatus.Published);
            var draft = g.FirstOrDefault(r => r.Status == DefinitionStatus.Draft);
            return new DefinitionSummary(
                g.Key, (published ?? draft)!.Name, published?.Version, draft?.Version, g.Max(r => r.UpdatedAt));
        }).ToList();
        return TypedResults.Ok(list);
    }

    internal static async Task<Results<Ok<DefinitionDocument>, ProblemHttpResult>> GetAsync(
        string definitionId, int? version, ApprovalDbContext db, ActivityRegistry registry, CancellationToken ct)
    {
        var query = db.Definitions.Where(d => d.DefinitionId == definitionId);
        var record = await (version is null
            ? query.Where(d => d.Status == DefinitionStatus.Published)
            : query.Where(d => d.Version == version)).FirstOrDefaultAsync(ct);
        return record is null
            ? Problems.NotFound(version is null
                ? $"Flow '{definitionId}' has no published version."
                : $"Flow '{definitionId}' has no version {version}.")
            : TypedResults.Ok(Document(record, registry));
    }

    internal static async Task<Results<Ok<List<DefinitionVersionInfo>>, ProblemHttpResult>> VersionsAsync(
        string definitionId, ApprovalDbContext db, CancellationToken ct)
    {
        var versions = await db.Definitions
            .Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version)
            .Select(d => new DefinitionVersionInfo(d.Version, d.Status, d.Name, d.CreatedAt, d.UpdatedAt, d.PublishedAt, d.UpdatedBy))
            .ToListAsync(ct);
        return versions.Count == 0 ? Problems.NotFound($"There is no flow '{definitionId}'.") : TypedResults.Ok(versions);
    }

    private static Results<Ok<ValidationResult>, ValidationProblem> Validate(WorkflowDefinition definition, ActivityRegistry registry)
    {
        var errors = DefinitionValidator.Validate(definition, registry);
        return errors.Count == 0 ? TypedResults.Ok(new ValidationResult(true, errors)) : Problems.InvalidDefinition(errors);
    }

    internal static async Task<Results<Created<DefinitionDocument>, ProblemHttpResult, ValidationProblem>> CreateDraftAsync(
        WorkflowDefinition definition, ApprovalDbContext db, ActivityRegistry registry, TimeProvider clock,
        ClaimsPrincipal user, AuditLog audit, CancellationToken ct)
    {
        var header = DefinitionValidator.Validate(definition, registry).Where(e => e.Path is "/definitionId" or "/name").ToList();
        if (header.Count > 0)
        {
            return Problems.InvalidDefinition(header);
        }

        var versions = await db.Definitions.Where(d => d.DefinitionId == definition.DefinitionId)
            .Select(d => new { d.Version, d.Status }).ToListAsync(ct);
        if (versions.Any(v => v.Status == DefinitionStatus.Draft))
        {
            return Problems.Conflict($"Flow '{definition.DefinitionId}' already has a draft; change it with PUT /api/definitions/{definition.DefinitionId}/draft.");
        }

        var draft = definition with { Version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1 };
        var record = DefinitionRecord.Create(draft, DefinitionStatus.Draft, clock.GetUtcNow(), user.Identity?.Name);
        db.Definitions.Add(record);
        RecordDraft(audit, record, user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"Another draft of '{draft.DefinitionId}' was created at the same time.");
        }

        return TypedResults.Created($"/api/definitions/{draft.DefinitionId}?version={draft.Version}", Document(record, registry));
    }

    internal static async Task<Results<Ok<DefinitionDocument>, ProblemHttpResult, ValidationProblem>> UpdateDraftAsync(
        string definitionId, WorkflowDefinition definition, ApprovalDbContext db, ActivityRegistry registry,
        TimeProvider clock, ClaimsPrincipal user, AuditLog audit, CancellationToken ct)
    {
        if (definition.DefinitionId != definitionId)
        {
            return Problems.Invalid("/definitionId", $"The body's definitionId '{definition.DefinitionId}' is not '{definitionId}'.");
        }

        var name = DefinitionValidator.Validate(definition, registry).Where(e => e.Path == "/name").ToList();
        if (name.Count > 0)
        {
            return Problems.InvalidDefinition(name);
        }

        var record = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Draft, ct);
        if (record is null)
        {
            return Problems.NotFound($"Flow '{definitionId}' has no draft; create one with POST /api/definitions.");
        }

        record.Json = WorkflowJson.Serialize(definition with { Version = record.Version });
        record.Name = definition.Name;
        record.UpdatedAt = clock.GetUtcNow();
        record.UpdatedBy = user.Identity?.Name;
        record.ConcurrencyStamp++;
        RecordDraft(audit, record, user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The draft was changed or published by someone else meanwhile; reload it.");
        }

        return TypedResults.Ok(Document(record, registry));
    }

    internal static async Task<Results<Ok<DefinitionDocument>, ProblemHttpResult, ValidationProblem>> PublishAsync(
        string definitionId, ApprovalDbContext db, ActivityRegistry registry, TimeProvider clock,
        ClaimsPrincipal user, AuditLog audit, CancellationToken ct)
    {
        var draft = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Draft, ct);
        if (draft is null)
        {
            return Problems.NotFound($"Flow '{definitionId}' has no draft to publish.");
        }

        var errors = DefinitionValidator.Validate(WorkflowJson.Deserialize(draft.Json), registry);
        if (errors.Count > 0)
        {
            return Problems.InvalidDefinition(errors);
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
                    sha256 = ContentHash(toPublish.Json),
                }, Actor.From(user));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return toPublish;
            });
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"Flow '{definitionId}' was changed or published by someone else meanwhile.");
        }

        return TypedResults.Ok(Document(draft, registry));
    }

    // The designer calls these handlers outside a request, so the user is named here rather than taken from one.
    private static void RecordDraft(AuditLog audit, DefinitionRecord record, ClaimsPrincipal user) =>
        audit.Record(AuditActions.DefinitionDraftSaved, AuditResources.Definition, record.DefinitionId, new
        {
            version = record.Version,
            name = record.Name,
            sha256 = ContentHash(record.Json),
        }, Actor.From(user));

    /// <summary>The SHA-256 of the definition as stored, so the entry proves which content was saved or published.</summary>
    private static string ContentHash(string json) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));

    private static DefinitionDocument Document(DefinitionRecord record, ActivityRegistry registry)
    {
        var definition = WorkflowJson.Deserialize(record.Json);
        var errors = record.Status == DefinitionStatus.Draft ? DefinitionValidator.Validate(definition, registry) : [];
        return new DefinitionDocument(record.Status, record.UpdatedAt, record.PublishedAt, definition, errors);
    }
}
