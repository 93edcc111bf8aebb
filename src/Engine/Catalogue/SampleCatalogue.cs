using System.Text.Json;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Catalogue;

/// <summary>
/// Loads the shipped sample catalogue into an empty catalogue on first start (Catalogue:LoadSample,
/// on by default). Every item passes the same rules as one an administrator adds.
/// </summary>
internal sealed class SampleCatalogue(
    ApprovalDbContext db, CatalogueEditor editor, IConfiguration configuration, ILogger<SampleCatalogue> logger)
{
    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (!configuration.GetValue("Catalogue:LoadSample", true) || await db.PowerItems.AnyAsync(ct))
        {
            return;
        }

        var file = configuration["Catalogue:SamplePath"] ?? Path.Combine(AppContext.BaseDirectory, "Catalogue", "Sample", "catalogue.json");
        if (!File.Exists(file))
        {
            logger.LogWarning("No sample catalogue at {File}; the catalogue starts empty.", file);
            return;
        }

        var items = JsonSerializer.Deserialize<List<CatalogueItem>>(await File.ReadAllTextAsync(file, ct), CatalogueJson.Options) ?? [];
        var flows = await editor.PublishedFlowsAsync(ct);
        foreach (var item in items)
        {
            var errors = await editor.CheckAsync(item, flows, ct);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Sample item {item.Code} breaks the catalogue's rules: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
            }

            editor.Add(item);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Loaded {Count} sample catalogue items.", items.Count);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.PowerItems.AnyAsync(ct))
            {
                throw;
            }

            logger.LogInformation("Another node loaded the sample catalogue first.");
        }
    }
}
