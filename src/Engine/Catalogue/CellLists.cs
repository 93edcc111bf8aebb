using System.Globalization;
using System.Text;

namespace Approval.Engine.Catalogue;

/// <summary>
/// Lists in one spreadsheet cell. Materials (一次性告知清单) are entries separated by <c>;</c>, each
/// <c>名称|出具单位|原件N|复印件N|必需</c> (or <c>可选</c>), e.g.
/// <c>食品经营许可申请书|申请人|原件1|复印件0|必需; 营业执照|市场监管部门|原件0|复印件1|必需</c>;
/// intermediary services are names separated by <c>;</c>. A <c>\</c> makes the next character
/// plain text (<c>\;</c>, <c>\|</c>, <c>\\</c>); spaces around entries and fields are not part of
/// them unless escaped, so export escapes the few that are, and every list reads back exactly.
/// </summary>
internal static class CellLists
{
    public const string MaterialFormat = "名称|出具单位|原件N|复印件N|必需 or 可选, entries separated by ';'";

    public static string WriteMaterials(IEnumerable<Material> materials) =>
        string.Join("; ", materials.Select(m =>
            $"{Escape(m.Name)}|{Escape(m.Issuer ?? "")}|原件{m.Originals}|复印件{m.Copies}|{(m.Required ? "必需" : "可选")}"));

    public static string WriteList(IEnumerable<string> names) => string.Join("; ", names.Select(Escape));

    public static List<string> ReadList(string text) =>
        [.. Split(text, ';').Where(p => !string.IsNullOrWhiteSpace(p)).Select(Unescape)];

    /// <summary>The materials in <paramref name="text"/>, or the first entry that does not read.</summary>
    public static (List<Material> Materials, string? Error) ReadMaterials(string text)
    {
        var materials = new List<Material>();
        var entries = Split(text, ';').Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        for (var n = 1; n <= entries.Count; n++)
        {
            var fields = Split(entries[n - 1], '|').Select(Unescape).ToList();
            if (fields.Count != 5)
            {
                return ([], $"material {n} has {fields.Count} fields; write {MaterialFormat}.");
            }

            if (!Count(fields[2], "原件", out var originals) || !Count(fields[3], "复印件", out var copies))
            {
                return ([], $"material {n}: '{fields[2]}|{fields[3]}' should be 原件N|复印件N, N a whole number.");
            }

            bool? required = fields[4].ToLowerInvariant() switch
            {
                "必需" or "必须" or "是" or "required" or "true" => true,
                "可选" or "否" or "optional" or "false" => false,
                _ => null,
            };
            if (required is null)
            {
                return ([], $"material {n}: '{fields[4]}' should be 必需 or 可选.");
            }

            materials.Add(new Material(fields[0], fields[1].Length == 0 ? null : fields[1], originals, copies, required.Value));
        }

        return (materials, null);
    }

    private static bool Count(string field, string prefix, out int count) =>
        int.TryParse(field.StartsWith(prefix, StringComparison.Ordinal) ? field[prefix.Length..] : field,
            NumberStyles.None, CultureInfo.InvariantCulture, out count);

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\\' or ';' or '|' || (char.IsWhiteSpace(c) && (i == 0 || i == text.Length - 1)))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>Splits on each <paramref name="separator"/> not escaped; the parts keep their escapes.</summary>
    private static List<string> Split(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>Drops the whitespace around <paramref name="part"/> that is not escaped, then the escapes.</summary>
    private static string Unescape(string part)
    {
        var chars = new List<(char C, bool Escaped)>(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            var escaped = part[i] == '\\' && i + 1 < part.Length;
            chars.Add(escaped ? (part[++i], true) : (part[i], false));
        }

        var first = chars.FindIndex(c => c.Escaped || !char.IsWhiteSpace(c.C));
        var last = chars.FindLastIndex(c => c.Escaped || !char.IsWhiteSpace(c.C));
        return first < 0 ? "" : string.Concat(chars[first..(last + 1)].Select(c => c.C));
    }
}
