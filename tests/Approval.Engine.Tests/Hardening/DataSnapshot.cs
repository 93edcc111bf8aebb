using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Hardening;

/// <summary>The counts and a content hash of the records bad input must never touch.</summary>
internal static class DataSnapshot
{
    private static readonly JsonSerializerOptions Json = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    public static async Task<Dictionary<string, string>> TakeAsync(ApprovalHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        return new Dictionary<string, string>
        {
            ["cases"] = Hash(await db.Cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync()),
            ["instances"] = Hash(await db.Instances.AsNoTracking().OrderBy(i => i.Id).ToListAsync()),
            ["tasks"] = Hash(await db.Tasks.AsNoTracking().OrderBy(t => t.Id).ToListAsync()),
            ["items"] = Hash(await db.PowerItems.AsNoTracking().OrderBy(i => i.Code).ToListAsync()),
            ["definitions"] = Hash(await db.Definitions.AsNoTracking().OrderBy(d => d.Id).ToListAsync()),
            ["windows"] = Hash(await db.Windows.AsNoTracking().OrderBy(w => w.Number).ToListAsync()),
            ["grants"] = Hash(await db.WindowGrants.AsNoTracking().OrderBy(g => g.WindowId).ThenBy(g => g.ItemCode).ToListAsync()),
            ["materials"] = Hash(await db.CaseMaterials.AsNoTracking().OrderBy(m => m.Id).ToListAsync()),
            ["calendar"] = Hash(await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync()),
        };
    }

    private static string Hash<T>(List<T> rows) =>
        $"{rows.Count} rows, sha256 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(rows, Json))))}";
}
