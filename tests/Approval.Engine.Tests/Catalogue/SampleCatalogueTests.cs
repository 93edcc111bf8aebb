using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests.Catalogue;

public sealed class SampleCatalogueTests
{
    [Fact]
    public async Task TheSampleCatalogue_IsLoadedOnFirstStart_WithEveryItemUnderTheRules_AndOnlyOnce()
    {
        var settings = new Dictionary<string, string?> { ["Catalogue:LoadSample"] = "true" };
        await using var host = new ApprovalHost(settings: settings);
        var items = await host.CreateClient().GetFromJsonAsync<JsonElement>("/api/public/items");

        Assert.True(items.GetArrayLength() >= 30, $"{items.GetArrayLength()} items");
        Assert.True(items.EnumerateArray().Select(i => i.Str("department")).Distinct().Count() >= 6);
        foreach (var item in items.EnumerateArray())
        {
            var statutory = item.GetProperty("statutoryLimit").GetInt32();
            var promised = item.GetProperty("promisedLimit").GetInt32();
            Assert.True(promised * 10 <= statutory * 7, $"{item.Str("code")}: {promised} of {statutory}");
            Assert.Equal(item.Str("caseKind") == "Instant", promised == 0);
        }

        // A restart on the same database loads nothing again.
        await using var restarted = new ApprovalHost(host.DatabasePath, settings: settings);
        var again = await restarted.CreateClient().GetFromJsonAsync<JsonElement>("/api/public/items/changes");
        Assert.Equal(items.GetArrayLength(), again.GetArrayLength());
    }

    [Fact]
    public async Task TheSampleInstantItems_RunTheInstantFlow_AndEachIsDecidedOnTheSpotSomewhereInTheSampleHall()
    {
        await using var host = new ApprovalHost(settings: new Dictionary<string, string?> { ["Catalogue:LoadSample"] = "true" });
        var anonymous = host.CreateClient();
        var items = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/items");
        var windows = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/windows");
        var onTheSpot = windows.EnumerateArray().SelectMany(w => w.GetProperty("items").EnumerateArray())
            .Where(i => i.GetProperty("mayDecideOnTheSpot").GetBoolean()).Select(i => i.Str("itemCode")).ToHashSet();

        foreach (var instant in items.EnumerateArray().Where(i => i.Str("caseKind") == "Instant").Select(i => i.Str("code")))
        {
            var item = await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/items/{instant}");
            Assert.Equal("instant-item", item.Str("definitionId"));
            Assert.Contains(instant, onTheSpot);
        }
    }
}
