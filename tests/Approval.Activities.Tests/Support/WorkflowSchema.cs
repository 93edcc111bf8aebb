using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Approval.Activities.Tests.Support;

/// <summary>workflows/schema/workflow.schema.json, built once: its $id may be registered only once per process.</summary>
internal static class WorkflowSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(RepoFiles.Schema)));

    public static JsonNode Document() => JsonNode.Parse(File.ReadAllText(RepoFiles.Schema))!;

    public static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    /// <summary>Where the instance failed, as JSON pointers, for assertion messages and checks.</summary>
    public static IReadOnlyList<string> FailedLocations(EvaluationResults results) =>
        [.. Failures(results).Select(d => d.InstanceLocation.ToString()).Distinct()];

    public static string Describe(EvaluationResults results) =>
        string.Join("; ", Failures(results).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")));

    private static IEnumerable<EvaluationResults> Failures(EvaluationResults results) =>
        new[] { results }.Concat(results.Details ?? []).Where(d => d.Errors is { Count: > 0 });
}
