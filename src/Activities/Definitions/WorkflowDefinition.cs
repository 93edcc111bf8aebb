using System.Text.Json;

namespace Approval.Activities.Definitions;

/// <summary>
/// A flow definition (流程定义): the activities of one power item's flow and the connections
/// between their outcomes. Identified by <see cref="DefinitionId"/> and <see cref="Version"/>.
/// </summary>
public sealed record WorkflowDefinition
{
    public required string DefinitionId { get; init; }

    public int Version { get; init; } = 1;

    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<ActivityNode> Activities { get; init => field = value ?? []; } = [];

    public IReadOnlyList<Connection> Connections { get; init => field = value ?? []; } = [];
}

/// <summary>One step of a flow: an activity type configured with property values.</summary>
public sealed record ActivityNode
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public string? Name { get; init; }

    public IReadOnlyDictionary<string, JsonElement> Properties { get; init => field = value ?? Empty; } = Empty;

    private static readonly IReadOnlyDictionary<string, JsonElement> Empty = new Dictionary<string, JsonElement>();

    /// <summary>Where the designer draws the node.</summary>
    public Position? Position { get; init; }
}

/// <summary>Leads one outcome of activity <see cref="From"/> to activity <see cref="To"/>.</summary>
public sealed record Connection(string From, string Outcome, string To);

public sealed record Position(double X, double Y);
