namespace Approval.Activities.Validation;

/// <summary>
/// One thing wrong with a definition. <see cref="Path"/> is a JSON Pointer into the definition
/// (<c>/activities/2/properties/role</c>); <see cref="ActivityId"/> or <see cref="ConnectionIndex"/>
/// say which node or link the designer should mark.
/// </summary>
public sealed record ValidationError(
    string Code,
    string Message,
    string Path,
    string? ActivityId = null,
    int? ConnectionIndex = null);
