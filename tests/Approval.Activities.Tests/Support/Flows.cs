using System.Text.Json;
using Approval.Activities.Definitions;
using Approval.Activities.Validation;

namespace Approval.Activities.Tests.Support;

/// <summary>Small definitions built in code, so each test shows the whole flow it checks.</summary>
internal static class Flows
{
    public static ActivityNode Node(string id, string type, object? properties = null) =>
        new() { Id = id, Type = type, Properties = Properties(properties) };

    public static Connection Link(string from, string outcome, string to) => new(from, outcome, to);

    public static WorkflowDefinition Definition(
        IReadOnlyList<ActivityNode> activities, IReadOnlyList<Connection> connections, string definitionId = "test-flow") =>
        new() { DefinitionId = definitionId, Name = "测试流程", Activities = activities, Connections = connections };

    /// <summary>Start → End: the smallest flow that validates.</summary>
    public static WorkflowDefinition Minimal() =>
        Definition([Node("start", "Start"), Node("end", "End")], [Link("start", "Done", "end")]);

    /// <summary>Property values as a definition holds them, from an anonymous object.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Properties(object? values) =>
        values is null
            ? new Dictionary<string, JsonElement>()
            : JsonSerializer.SerializeToElement(values).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

    /// <summary>What a test compares of an error: everything but the wording of the message.</summary>
    public static (string Code, string Path, string? ActivityId, int? ConnectionIndex) Locate(ValidationError error) =>
        (error.Code, error.Path, error.ActivityId, error.ConnectionIndex);
}
