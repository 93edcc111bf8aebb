using System.Security.Claims;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Validation;
using Approval.Engine.Access;
using Approval.Engine.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Engine.Definitions;

/// <summary>
/// Flow definitions and their versions: read by the centre's staff, written by administrators (the
/// writes' use cases say so: <see cref="CreateDraft"/>, <see cref="UpdateDraft"/>, <see cref="PublishDefinition"/>).
/// </summary>
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

        group.MapPost("", CreateDraftAsync).WithSummary("A new flow's first draft, or a new draft of an existing flow (administrators).");
        group.MapPut("/{definitionId}/draft", UpdateDraftAsync).WithSummary("Replace the flow's draft (administrators).");
        group.MapPost("/{definitionId}/publish", PublishAsync).WithSummary("The draft becomes the version new cases run (administrators).");
        return app;
    }

    private static async Task<Ok<List<DefinitionSummary>>> ListAsync(DefinitionReads reads, CancellationToken ct) =>
        TypedResults.Ok(await reads.ListAsync(ct));

    private static async Task<Results<Ok<DefinitionDocument>, ProblemHttpResult>> GetAsync(
        string definitionId, int? version, DefinitionReads reads, CancellationToken ct) =>
        await reads.GetAsync(definitionId, version, ct) is { } document
            ? TypedResults.Ok(document)
            : Problems.NotFound(version is null
                ? $"Flow '{definitionId}' has no published version."
                : $"Flow '{definitionId}' has no version {version}.");

    private static async Task<Results<Ok<List<DefinitionVersionInfo>>, ProblemHttpResult>> VersionsAsync(
        string definitionId, DefinitionReads reads, CancellationToken ct) =>
        await reads.VersionsAsync(definitionId, ct) is { Count: > 0 } versions
            ? TypedResults.Ok(versions)
            : Problems.NotFound($"There is no flow '{definitionId}'.");

    private static Results<Ok<ValidationResult>, ValidationProblem> Validate(WorkflowDefinition definition, ActivityRegistry registry)
    {
        var errors = DefinitionValidator.Validate(definition, registry);
        return errors.Count == 0 ? TypedResults.Ok(new ValidationResult(true, errors)) : Problems.InvalidDefinition(errors);
    }

    private static async Task<Results<Created<DefinitionDocument>, ProblemHttpResult, ValidationProblem>> CreateDraftAsync(
        WorkflowDefinition definition, CreateDraft createDraft, ClaimsPrincipal user, CancellationToken ct) =>
        (await createDraft.RunAsync(new CreateDraftCommand(definition), user, ct)).ToHttp(document => TypedResults.Created(
            $"/api/definitions/{document.Definition.DefinitionId}?version={document.Definition.Version}", document));

    private static async Task<Results<Ok<DefinitionDocument>, ProblemHttpResult, ValidationProblem>> UpdateDraftAsync(
        string definitionId, WorkflowDefinition definition, UpdateDraft updateDraft, ClaimsPrincipal user, CancellationToken ct) =>
        (await updateDraft.RunAsync(new UpdateDraftCommand(definitionId, definition), user, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<DefinitionDocument>, ProblemHttpResult, ValidationProblem>> PublishAsync(
        string definitionId, PublishDefinition publish, ClaimsPrincipal user, CancellationToken ct) =>
        (await publish.RunAsync(new PublishDefinitionCommand(definitionId), user, ct)).ToHttp(TypedResults.Ok);
}
