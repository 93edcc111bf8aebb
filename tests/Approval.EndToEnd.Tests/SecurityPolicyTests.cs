using Microsoft.Playwright;

namespace Approval.EndToEnd.Tests;

/// <summary>The Content-Security-Policy every answer carries lets the UI run: the browser refuses nothing while the designer opens.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityPolicyTests(BrowserFixture fixture)
{
    // Guards against an inline script coming back (Blazor's <ImportMap /> writes one): the UI would
    // still work, but the browser would log the refusal, and the policy would seem to need 'unsafe-inline'.
    [Fact]
    public async Task TheDesigner_Opens_WithoutTheBrowserRefusingAnythingThePolicyForbids()
    {
        var page = await fixture.SignInAsync("admin");
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };

        // Loaded again with the listener in place, so the page's own scripts and styles are watched from the start.
        await page.ReloadAsync();
        await page.Locator("[data-flow=\"standard-licence\"]").ClickAsync();
        await page.Step("review").WaitForAsync();

        var response = await page.ReloadAsync();
        Assert.Contains("frame-ancestors 'none'", (await response!.AllHeadersAsync())["content-security-policy"]);
        await page.Step("review").WaitForAsync();
        Assert.Empty(refused);
    }
}
