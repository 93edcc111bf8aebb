using System.Text.Json;
using System.Text.Json.Serialization;

namespace Approval.Engine.Catalogue;

/// <summary>The catalogue's JSON, as the API writes it: camelCase, enums by name, unknown members refused.</summary>
internal static class CatalogueJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };
}
