using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Approval.EndToEnd.Tests;

/// <summary>An administrator redesigns the standard licence flow in the browser and publishes it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnAdministrator_InsertsAStepBetweenReviewAndDecide_AndPublishesVersionTwo_WhileARunningCaseStaysOnVersionOne()
    {
        var window = await fixture.Server.LoginAsync("window1");
        var running = await FileCaseAsync(window);
        var admin = await fixture.Server.LoginAsync("admin");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/definitions/standard-licence");
        var version = before.GetProperty("definition").GetProperty("version").GetInt32();

        var page = await fixture.SignInAsync("admin");
        await using var shot = BrowserFixture.ScreenshotOnFailure(page, "designer-failure");
        await page.Locator("[data-flow=\"standard-licence\"]").ClickAsync();
        await page.Step("review").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "designer-1-opened");

        // Drag a Review (审核) from the palette onto the canvas, below the flow.
        var canvas = page.Locator("[data-testid=flow-canvas]");
        var box = (await canvas.BoundingBoxAsync())!;
        await page.Locator(".palette-item[data-type=Review]").DragToAsync(canvas, new LocatorDragToOptions
        {
            TargetPosition = new TargetPosition { X = box.Width / 2, Y = box.Height * 0.7f },
        });
        var added = page.Step("review-2");
        await added.WaitForAsync();

        // A step nobody reaches, whose outcomes lead nowhere: the canvas says so at once.
        await page.Locator("[data-activity-id=\"review-2\"].has-errors").WaitForAsync();
        Assert.Contains("unreachable-activity", await ErrorCodesAsync(page, "review-2"));
        Assert.Contains("dangling-outcome", await ErrorCodesAsync(page, "review-2"));
        Assert.True(await page.Locator("[data-testid=publish]").IsDisabledAsync(), "publish is refused while errors remain");

        var name = page.Locator("[data-testid=property-panel] [data-property=name] input");
        await name.FillAsync("复审");
        await name.PressAsync("Tab");
        await page.Locator("[data-activity-id=\"review-2\"] .activity-name", new PageLocatorOptions { HasText = "复审" }).WaitForAsync();

        // Review's Pass now leads into the new step, and the new step's outcomes onwards.
        await page.ConnectAsync("review", "Pass", "review-2");
        await page.ConnectAsync("review-2", "Pass", "decide");
        await page.ConnectAsync("review-2", "Return", "accept");
        await page.ConnectAsync("review-2", "Reject", "end-rejected");
        await page.Locator("[data-testid=designer][data-errors=\"0\"]").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "designer-2-connected");

        await page.Locator("[data-testid=publish]").ClickAsync();
        await page.Locator($"[data-testid=designer][data-status=Published][data-version=\"{version + 1}\"]").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "designer-3-published");

        var published = await admin.GetFromJsonAsync<JsonElement>("/api/definitions/standard-licence");
        var definition = published.GetProperty("definition");
        Assert.Equal(version + 1, definition.GetProperty("version").GetInt32());
        var step = definition.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "review-2");
        Assert.Equal("Review", step.GetProperty("type").GetString());
        Assert.Equal("复审", step.GetProperty("name").GetString());
        Assert.True(step.TryGetProperty("position", out _), "the step's place on the canvas is saved with the definition");
        var connections = definition.GetProperty("connections").EnumerateArray()
            .Select(c => $"{c.GetProperty("from").GetString()}.{c.GetProperty("outcome").GetString()}->{c.GetProperty("to").GetString()}")
            .ToHashSet();
        Assert.Contains("review.Pass->review-2", connections);
        Assert.Contains("review-2.Pass->decide", connections);
        Assert.Contains("review-2.Return->accept", connections);
        Assert.Contains("review-2.Reject->end-rejected", connections);
        Assert.DoesNotContain("review.Pass->decide", connections);

        // Applications are read by those who handle them (the clerk who filed them), not by the centre's administrator.
        var stillRunning = await window.GetFromJsonAsync<JsonElement>($"/api/cases/{running}");
        Assert.Equal(version, stillRunning.GetProperty("definitionVersion").GetInt32());
        Assert.Equal("Running", stillRunning.GetProperty("status").GetString());

        // A case filed now runs the new version.
        var next = await window.GetFromJsonAsync<JsonElement>($"/api/cases/{await FileCaseAsync(window)}");
        Assert.Equal(version + 1, next.GetProperty("definitionVersion").GetInt32());
        shot.Passed();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ABrowserWithoutLogin_IsSentToTheLoginPage()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.Address });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/flows/standard-licence");

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        Assert.StartsWith($"{fixture.Server.Address}/login", page.Url);
        Assert.Contains("ReturnUrl=%2Fflows%2Fstandard-licence", page.Url);
        await context.CloseAsync();
    }

    [Fact]
    public async Task TheLanguageButton_SwitchesTheUiToEnglish_AndBack()
    {
        var page = await fixture.SignInAsync("supervisor1", "/flows");
        await page.Locator("[data-testid=flow-list]").WaitForAsync();
        Assert.Contains("流程列表", await page.Locator("h5").InnerTextAsync());

        await page.Locator("[data-testid=switch-language]").ClickAsync();
        await page.Locator("h5", new PageLocatorOptions { HasText = "Flows" }).WaitForAsync();
        await page.Locator("[data-flow=\"standard-licence\"]").ClickAsync();
        await page.Locator("[data-activity-id=review] .activity-type", new PageLocatorOptions { HasText = "Review · review" }).WaitForAsync();

        // Only administrators change flows: the supervision office sees them read only, without the palette.
        Assert.Contains("Read only", await page.Locator("[data-testid=designer]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-testid=palette]").CountAsync());

        await page.Locator("[data-testid=switch-language]").ClickAsync();
        // The switch reloads the page: wait for the Chinese page, not for the English one still showing.
        await page.Locator("[data-testid=designer]", new PageLocatorOptions { HasText = "只读" }).WaitForAsync();
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await page.Context.CloseAsync();
    }

    private static async Task<string[]> ErrorCodesAsync(IPage page, string activityId) =>
        [.. await page.Locator($"[data-activity-id=\"{activityId}\"] .activity-errors li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.code)")];

    internal static async Task<string> FileCaseAsync(HttpClient window)
    {
        var response = await window.PostAsJsonAsync("/api/cases", new
        {
            itemCode = "452624-XK-SCJG-001",
            applicant = new { name = "李四", phone = "13800000000" },
            materials = new[] { new { name = "食品经营许可申请书", originals = 1, copies = 0 } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
