using System.Text.Json.Serialization;
using Approval.Activities.Contract;

namespace Approval.Activities.Registry;

/// <summary>What the palette shows of an activity type and what the validator checks against.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string DisplayName,
    string EnglishName,
    string Category,
    string Description,
    bool IsHuman,
    IReadOnlyList<OutcomeDescriptor> Outcomes,
    IReadOnlyList<PropertyDescriptor> Properties)
{
    [JsonIgnore]
    public Type ClrType { get; init; } = typeof(object);

    /// <summary>What the platform may send the activity (e.g. Overdue); a flow may leave them unwired.</summary>
    public IReadOnlyList<OutcomeDescriptor> Signals { get; init; } = [];

    /// <summary>What the platform does with it (a join, the acceptance, the decision), if anything.</summary>
    public ActivityPurpose Purpose { get; init; }

    public bool HasOutcome(string outcome) => Outcomes.Any(o => o.Name == outcome);

    public bool HasSignal(string signal) => Signals.Any(o => o.Name == signal);
}

public sealed record OutcomeDescriptor(string Name, string DisplayName);

public sealed record PropertyDescriptor(
    string Name,
    string DisplayName,
    string EnglishName,
    string Description,
    PropertyKind Kind,
    bool Required,
    IReadOnlyList<string>? Options,
    object? DefaultValue)
{
    [JsonIgnore]
    public System.Reflection.PropertyInfo Property { get; init; } = null!;
}
