using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

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
    public async Task AnAdministrator_TriesTheFlowOutWithCaseData_AndTheViewerShowsTheCase()
    {
        var page = await fixture.SignInAsync("admin", "/flows/standard-licence");
        await page.Step("accept").WaitForAsync();
        await page.Locator(".mud-tab", new PageLocatorOptions { HasText = "试运行" }).ClickAsync();
        await page.Locator("[data-testid=try-out-data] textarea").FillAsync("""{"amount": 7, "applicant": {"type": "企业"}}""");
        await page.Locator("[data-testid=try-out-data] textarea").PressAsync("Tab");

        await page.Locator("[data-testid=try-out-run]").ClickAsync();
        await page.Locator("[data-activity-id=accept].waiting").WaitForAsync();

        var caseId = page.Url.Split('/').Last();
        var admin = await fixture.Server.LoginAsync("admin");
        var tried = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(7, tried.GetProperty("data").GetProperty("amount").GetInt32());
        Assert.Equal("企业", tried.GetProperty("data").GetProperty("applicant").GetProperty("type").GetString());
        Assert.Equal("accept", tried.GetProperty("openTasks")[0].GetProperty("activityId").GetString());
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
