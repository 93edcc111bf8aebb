using System.Text.Json;
using Approval.Engine.Cases;
using Approval.Engine.Catalogue;
using Approval.Engine.Runtime;

namespace Approval.Engine.Windows;

/// <summary>
/// Whether an application's materials are complete (材料齐全) against the item's one-time
/// notification list: every required material handed in, with its originals and copies.
/// </summary>
internal static class MaterialCheck
{
    /// <summary>What follows a short material's name in <see cref="Missing"/>: how many were due and received.</summary>
    public const string ShortBy = "（须原件";

    /// <summary>The required materials that are missing or short, as a clerk would name them.</summary>
    public static List<string> Missing(IEnumerable<Material> required, string suppliedJson)
    {
        var supplied = (JsonSerializer.Deserialize<List<SuppliedMaterial>>(suppliedJson, CatalogueJson.Options) ?? [])
            .GroupBy(m => Normalize(m.Name))
            .ToDictionary(g => g.Key, g => (Originals: g.Sum(m => m.Originals), Copies: g.Sum(m => m.Copies)));
        var missing = new List<string>();
        foreach (var material in required.Where(m => m.Required))
        {
            if (!supplied.TryGetValue(Normalize(material.Name), out var got))
            {
                missing.Add(material.Name);
            }

            // An original stands in for a copy (the window copies it), never the other way round.
            else if (got.Originals < material.Originals || got.Originals + got.Copies < material.Originals + material.Copies)
            {
                missing.Add($"{material.Name}{ShortBy} {material.Originals} 份、复印件 {material.Copies} 份，收到原件 {got.Originals} 份、复印件 {got.Copies} 份）");
            }
        }

        return missing;
    }

    // Clerks and applicants type the same name with full- or half-width brackets and stray spaces.
    public static string Normalize(string name) =>
        name.Trim().Replace('（', '(').Replace('）', ')').Replace(" ", "", StringComparison.Ordinal);
}
