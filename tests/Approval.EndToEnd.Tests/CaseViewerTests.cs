using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>Someone with access opens a case and sees on its diagram where it has been and where it waits.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseViewerTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheViewer_HighlightsThePathTakenAndTheStepTheCaseWaitsAt()
    {
        var window = await fixture.Server.LoginAsync("window1");
        var caseId = await DesignerTests.FileCaseAsync(window);
        var filed = await window.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var accept = filed.GetProperty("openTasks")[0].GetProperty("id").GetString();
        var accepted = await window.PostAsJsonAsync($"/api/tasks/{accept}/complete", new { outcome = "Accepted", comment = "材料齐全" });
        accepted.EnsureSuccessStatusCode();

        var page = await fixture.SignInAsync("handler1", $"/cases/{caseId}");
        await page.Locator("[data-testid=case-viewer]").WaitForAsync();

        await page.Locator("[data-activity-id=review].waiting").WaitForAsync();
        Assert.Equal(1, await page.Locator(".activity-node.waiting").CountAsync());
        Assert.Equal(1, await page.Locator("[data-activity-id=accept].visited").CountAsync());
        Assert.Equal(1, await page.Locator("[data-activity-id=start].visited").CountAsync());
        Assert.Equal(0, await page.Locator("[data-activity-id=decide].visited").CountAsync());
        Assert.Contains("材料齐全", await page.Locator("[data-testid=case-history]").InnerTextAsync());
        Assert.Equal(1, await page.Locator("[data-testid=case-waiting] [data-activity=review]").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "case-viewer");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnApplicant_CannotOpenSomeoneElsesCase()
    {
        var window = await fixture.Server.LoginAsync("window1");
        var caseId = await DesignerTests.FileCaseAsync(window);

        var page = await fixture.SignInAsync("applicant1", $"/cases/{caseId}");

        await page.Locator("[data-testid=case-not-found]").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=case-viewer]").CountAsync());
        await page.Context.CloseAsync();
    }
}
