using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The department desk in Chromium: each role lands on its own page; a handler's inbox shows a new task
/// without a reload, the task page completes it, the head decides; a task done meanwhile says by whom.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DepartmentDeskTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("window1", "/desk")]
    [InlineData("handler1", "/inbox")]
    [InlineData("admin", "/flows")]
    [InlineData("supervisor1", "/cases")]
    [InlineData("applicant1", "/cases")]
    public async Task EachRole_LandsOnItsOwnPage_WithOnlyItsLinks(string user, string landing)
    {
        var page = await fixture.SignInAsync(user);

        await page.WaitForURLAsync($"**{landing}");
        await page.Locator(".mud-main-content [data-testid]").First.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, $"landing-{user}");
        var links = await page.Locator("header a[data-testid^=nav-]").AllAsync();
        var hrefs = await Task.WhenAll(links.Select(l => l.GetAttributeAsync("href")));
        Assert.Contains(landing, hrefs);
        Assert.Equal(user == "admin" || user == "supervisor1", hrefs.Contains("/flows"));
        Assert.Equal(user is "handler1" or "window1", hrefs.Contains("/inbox"));
        Assert.Equal(user == "window1", hrefs.Contains("/desk"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ANewTask_AppearsInTheInbox_WithoutAReload_AndIsDoneFromItsPage()
    {
        var page = await fixture.SignInAsync("handler1", "/inbox");
        await using var shot = BrowserFixture.ScreenshotOnFailure(page, "inbox-failure");
        await page.Locator("[data-testid=inbox]").WaitForAsync();

        // The window accepts an application meanwhile; the handler's page is not touched.
        var window = await fixture.Server.LoginAsync("window1");
        var caseId = await DesignerTests.FileCaseAsync(window);
        var filed = await window.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var number = filed.GetProperty("number").GetString()!;
        var accept = filed.GetProperty("openTasks")[0].GetProperty("id").GetString();
        (await window.PostAsJsonAsync($"/api/tasks/{accept}/complete", new { outcome = "Accepted" })).EnsureSuccessStatusCode();

        var row = page.Locator("[data-testid=inbox] tbody tr", new() { HasText = number });
        await row.WaitForAsync(new() { Timeout = 20_000 });
        Assert.Contains("李四", await row.InnerTextAsync());
        Assert.Contains("正常", await row.InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "inbox-1-new-task");

        await row.Locator("[data-testid=inbox-case-number]").ClickAsync();
        await page.Locator("[data-testid=task-action]").WaitForAsync();
        Assert.Equal(number, (await page.Locator("[data-testid=task-case-number]").InnerTextAsync()).Trim());
        Assert.Contains("李四", await page.Locator("[data-testid=task-applicant]").InnerTextAsync());

        // The acceptance notice is on the page, and opens as its PDF with the browser's login.
        var notice = page.Locator("[data-testid=notice-link]", new() { HasText = "受理通知书" });
        var pdf = await page.APIRequest.GetAsync((await notice.GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        await BrowserFixture.ScreenshotAsync(page, "task-1-review");

        // A return needs a reason: the page says so under the field and nothing is done.
        await page.Locator("button[data-outcome=Return]").ClickAsync();
        await page.Locator("[data-testid=task-action] .mud-input-helper-text", new() { HasText = "须填写意见" }).WaitForAsync();

        await page.Locator("textarea[data-testid=task-comment]").FillAsync("材料齐全，符合条件");
        await page.Locator("button[data-outcome=Pass]").ClickAsync();
        await page.Locator("[data-testid=task-done]").WaitForAsync();
        Assert.Contains("市场监管局经办人", await page.Locator("[data-testid=task-done]").InnerTextAsync());

        // The head decides from the same kind of page (another test may have put a second review before the decision).
        var handler = await fixture.Server.LoginAsync("handler1");
        for (var step = 0; step < 3; step++)
        {
            var open = (await handler.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("openTasks")[0];
            if (open.GetProperty("activityType").GetString() == "Decide")
            {
                break;
            }

            (await handler.PostAsJsonAsync($"/api/tasks/{open.GetProperty("id").GetString()}/complete", new { outcome = "Pass" })).EnsureSuccessStatusCode();
        }

        var head = await fixture.SignInAsync("head1", "/inbox");
        var decide = head.Locator("[data-testid=inbox] tbody tr", new() { HasText = number });
        await decide.WaitForAsync(new() { Timeout = 60_000 });
        await decide.Locator("[data-testid=inbox-case-number]").ClickAsync();
        await head.Locator("button[data-outcome=Grant]").ClickAsync();
        await head.Locator("[data-testid=task-done]").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(head, "task-2-decided");
        shot.Passed();
        await page.Context.CloseAsync();
        await head.Context.CloseAsync();
    }

    [Fact]
    public async Task ATaskDoneMeanwhile_SaysWhoDidItAndWhen()
    {
        var window = await fixture.Server.LoginAsync("window1");
        var caseId = await DesignerTests.FileCaseAsync(window);
        var filed = await window.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var accept = filed.GetProperty("openTasks")[0].GetProperty("id").GetString();
        var accepted = await (await window.PostAsJsonAsync($"/api/tasks/{accept}/complete", new { outcome = "Accepted" })).Content.ReadFromJsonAsync<JsonElement>();
        var review = accepted.GetProperty("openedTasks")[0].GetProperty("id").GetString();

        var page = await fixture.SignInAsync("handler1", $"/tasks/{review}");
        await using var shot = BrowserFixture.ScreenshotOnFailure(page, "task-stale-failure");
        await page.Locator("button[data-outcome=Pass]").WaitForAsync();
        var handler = await fixture.Server.LoginAsync("handler1");
        (await handler.PostAsJsonAsync($"/api/tasks/{review}/complete", new { outcome = "Pass", comment = "另一窗口已办" })).EnsureSuccessStatusCode();

        await page.Locator("button[data-outcome=Pass]").ClickAsync();

        var done = page.Locator("[data-testid=task-done]");
        await done.WaitForAsync();
        Assert.Matches(@"已由 市场监管局经办人 于 \d\d:\d\d 办理", await done.InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "task-3-stale");
        shot.Passed();
        await page.Context.CloseAsync();
    }
}
