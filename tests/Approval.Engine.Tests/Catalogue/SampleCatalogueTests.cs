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
    public async Task AnInstantSampleItem_IsDecidedAndCertifiedAtTheWindow()
    {
        await using var host = new ApprovalHost(settings: new Dictionary<string, string?> { ["Catalogue:LoadSample"] = "true" });
        var window = await host.LoginAsync("window1");
        var items = await window.GetFromJsonAsync<JsonElement>("/api/public/items");
        var instant = items.EnumerateArray().First(i => i.Str("caseKind") == "Instant").Str("code");

        var response = await window.PostAsJsonAsync("/api/cases", new { itemCode = instant, applicant = new { name = "赵六" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var @case = await response.Content.ReadFromJsonAsync<JsonElement>();
        var decide = (await window.CompleteOkAsync(@case.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];
        var certify = (await window.CompleteOkAsync(decide.Id(), "Grant")).GetProperty("openedTasks")[0];
        var done = await window.CompleteOkAsync(certify.Id(), "Issued");

        Assert.Equal("Completed", done.Str("caseStatus"));
    }
}
