using System.Text.Json;
using Approval.Engine.Catalogue;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Engine.Windows;

/// <summary>
/// Loads the shipped sample hall into an empty hall on first start (Windows:LoadSample, on by
/// default): windows of each type for the sample catalogue's departments and their grants. Every
/// window and grant passes the rules an administrator's does; a grant for an item the catalogue
/// does not have (it was started empty) is left out.
/// </summary>
internal sealed class SampleHall(
    ApprovalDbContext db, WindowEditor editor, IOptions<WindowOptions> options, ILogger<SampleHall> logger)
{
    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (!options.Value.LoadSample || await db.Windows.AnyAsync(ct))
        {
            return;
        }

        var file = options.Value.SamplePath ?? Path.Combine(AppContext.BaseDirectory, "Windows", "Sample", "hall.json");
        if (!File.Exists(file))
        {
            logger.LogWarning("No sample hall at {File}; the hall starts empty.", file);
            return;
        }

        var windows = JsonSerializer.Deserialize<List<SampleWindow>>(await File.ReadAllTextAsync(file, ct), CatalogueJson.Options) ?? [];
        var items = await db.PowerItems.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
        var skipped = 0;
        foreach (var sample in windows)
        {
            var request = sample.ToRequest();
            if (WindowRules.Check(request) is { Count: > 0 } errors)
            {
                throw new InvalidOperationException($"Sample window {sample.Number} breaks the hall's rules: {Describe(errors)}");
            }

            var window = editor.Add(request);
            foreach (var grant in sample.Grants ?? [])
            {
                if (!items.TryGetValue(grant.ItemCode, out var item))
                {
                    skipped++;
                    continue;
                }

                var wanted = new WindowGrantRequest(MayAccept: true, grant.MayDecideOnTheSpot);
                if (WindowEditor.CheckGrant(window, item, wanted) is { Count: > 0 } grantErrors)
                {
                    throw new InvalidOperationException($"Sample grant of {grant.ItemCode} to {sample.Number} breaks the rules: {Describe(grantErrors)}");
                }

                editor.Grant(window, item.Code, wanted, "sample");
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Loaded {Count} sample windows ({Skipped} grants left out for items not in the catalogue).", windows.Count, skipped);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Windows.AnyAsync(ct))
            {
                throw;
            }

            logger.LogInformation("Another node loaded the sample hall first.");
        }
    }

    private static string Describe(IEnumerable<(string Field, string Message)> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));

    private sealed record SampleWindow(
        string Number, string Name, WindowType Type, IReadOnlyList<WindowDepartment> Departments, WindowHead Head,
        string Phone, string SupervisionPhone, string? Location, IReadOnlyList<SampleGrant>? Grants)
    {
        public WindowRequest ToRequest() => new(Number, Name, Type, Departments, Head, Phone, SupervisionPhone, Location);
    }

    private sealed record SampleGrant(string ItemCode, bool MayDecideOnTheSpot = false);
}
