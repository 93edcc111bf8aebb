using System.Text.Json;

namespace Approval.Activities.Conditions;

/// <summary>Turns case data (a JSON object) into the variables a condition reads.</summary>
public static class CaseVariables
{
    /// <summary>Nested objects become dotted names: <c>{"applicant":{"type":"x"}}</c> gives <c>applicant.type</c>.</summary>
    public static IReadOnlyDictionary<string, object?> Flatten(JsonElement data)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (data.ValueKind == JsonValueKind.Object)
        {
            Add(variables, "", data);
        }

        return variables;
    }

    public static IReadOnlyDictionary<string, object?> Flatten(string? json) =>
        string.IsNullOrEmpty(json) ? new Dictionary<string, object?>() : Flatten(JsonDocument.Parse(json).RootElement);

    private static void Add(Dictionary<string, object?> variables, string prefix, JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Add(variables, name + ".", value);
                    break;
                case JsonValueKind.String:
                    variables[name] = value.GetString();
                    break;
                case JsonValueKind.Number:
                    variables[name] = value.TryGetInt64(out var l) ? (object)l : value.GetDouble();
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    variables[name] = value.GetBoolean();
                    break;
                case JsonValueKind.Null:
                    variables[name] = null;
                    break;
                default:
                    variables[name] = value.GetRawText();
                    break;
            }
        }
    }
}
