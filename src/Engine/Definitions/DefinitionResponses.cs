using Approval.Activities.Definitions;
using Approval.Activities.Validation;

namespace Approval.Engine.Definitions;

public sealed record DefinitionSummary(
    string DefinitionId, string Name, int? PublishedVersion, int? DraftVersion, DateTimeOffset UpdatedAt);

public sealed record DefinitionVersionInfo(
    int Version, DefinitionStatus Status, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt, string? UpdatedBy);

/// <summary>One version of a flow with its state; <see cref="Errors"/> lists what would stop it being published.</summary>
public sealed record DefinitionDocument(
    DefinitionStatus Status, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt,
    WorkflowDefinition Definition, IReadOnlyList<ValidationError> Errors);

public sealed record ValidationResult(bool Valid, IReadOnlyList<ValidationError> Errors);
