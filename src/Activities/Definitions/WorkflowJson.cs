using System.Text.Json;
using System.Text.Json.Serialization;

namespace Approval.Activities.Definitions;

/// <summary>The one JSON format of flow definitions: files in workflows/, the API and the designer.</summary>
public static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,

            // Read exactly what the schema describes: names as written, numbers as numbers.
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <exception cref="JsonException">The text is not a definition; the message and path say where.</exception>
    public static WorkflowDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
        ?? throw new JsonException("A flow definition cannot be null.");

    public static string Serialize(WorkflowDefinition definition) =>
        JsonSerializer.Serialize(definition, Options);
}
