using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approval.Engine.Audit;

/// <summary>The old and new values of what changed between two snapshots of a resource.</summary>
internal static class AuditDiff
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>{ property: { old, new } } for every top-level property whose value differs.</summary>
    public static Dictionary<string, Change> Of<T>(T before, T after)
    {
        var old = JsonSerializer.SerializeToNode(before, Json)?.AsObject() ?? [];
        var now = JsonSerializer.SerializeToNode(after, Json)?.AsObject() ?? [];
        var changes = new Dictionary<string, Change>(StringComparer.Ordinal);
        foreach (var name in old.Select(p => p.Key).Union(now.Select(p => p.Key)))
        {
            var a = old[name];
            var b = now[name];
            if (!JsonNode.DeepEquals(a, b))
            {
                changes[name] = new Change(a?.DeepClone(), b?.DeepClone());
            }
        }

        return changes;
    }

    public sealed record Change(JsonNode? Old, JsonNode? New);
}
