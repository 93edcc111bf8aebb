using System.Security.Claims;
using Approval.Activities.Definitions;
using Approval.Activities.Validation;

namespace Approval.Designer.Services;

/// <summary>
/// What the designer asks of the platform about flow definitions. The host implements it with the
/// same rules as its HTTP API: the centre's staff read, only administrators save and publish.
/// </summary>
public interface IFlowDesigns
{
    Task<IReadOnlyList<FlowSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>Version <paramref name="version"/>, or with none the draft if there is one, else the published version.</summary>
    Task<FlowDocument?> GetAsync(ClaimsPrincipal user, string definitionId, int? version = null, CancellationToken ct = default);

    Task<IReadOnlyList<FlowVersionSummary>> VersionsAsync(ClaimsPrincipal user, string definitionId, CancellationToken ct = default);

    /// <summary>Every error that would stop the definition being published, each with its JSON Pointer.</summary>
    IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition);

    /// <summary>Stores the definition as the flow's draft: replaces the draft, or starts one (the last version + 1).</summary>
    Task<DesignOutcome> SaveDraftAsync(ClaimsPrincipal user, WorkflowDefinition definition, CancellationToken ct = default);

    /// <summary>The draft becomes the version new cases run; running cases stay on theirs.</summary>
    Task<DesignOutcome> PublishAsync(ClaimsPrincipal user, string definitionId, CancellationToken ct = default);

    /// <summary>The departments a step may be given to (the department picker).</summary>
    Task<IReadOnlyList<DepartmentOption>> DepartmentsAsync(CancellationToken ct = default);
}

/// <summary>A flow as the list shows it.</summary>
public sealed record FlowSummary(
    string DefinitionId,
    string Name,
    int? PublishedVersion,
    int? DraftVersion,
    IReadOnlyList<ItemReference> Items,
    DateTimeOffset UpdatedAt,
    string? UpdatedBy);

/// <summary>A catalogue item (事项) that runs a flow.</summary>
public sealed record ItemReference(string Code, string Name);

public sealed record DepartmentOption(string Code, string Name);

public enum FlowVersionStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>One version of a flow; <see cref="Errors"/> are a draft's validation errors.</summary>
public sealed record FlowDocument(
    WorkflowDefinition Definition,
    FlowVersionStatus Status,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ValidationError> Errors);

public sealed record FlowVersionSummary(
    int Version,
    FlowVersionStatus Status,
    string Name,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    string? UpdatedBy);

/// <summary>What saving or publishing did: the stored version, or the errors and the reason it was refused.</summary>
public sealed record DesignOutcome(FlowDocument? Document, IReadOnlyList<ValidationError> Errors, string? Problem)
{
    public bool Succeeded => Document is not null && Problem is null && Errors.Count == 0;

    public static DesignOutcome Done(FlowDocument document) => new(document, [], null);

    public static DesignOutcome Refused(string problem, IReadOnlyList<ValidationError>? errors = null) => new(null, errors ?? [], problem);
}
