using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approval.Engine.Tests.Identity;

/// <summary>The browser's way in: the login page, its cookie, and the timers dashboard that accepts it.</summary>
public sealed partial class BrowserLoginTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new(settings: new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ABrowserWithoutLogin_IsSentFromTheDashboardToTheLoginPage()
    {
        var browser = Browser();

        var response = await browser.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?ReturnUrl=%2Fhangfire", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task ASupervisorSignedInWithTheCookie_OpensTheDashboard_ButNotTheApi()
    {
        var browser = Browser();

        var signedIn = await SignInAsync(browser, "supervisor1", ApprovalHost.Password, "/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/hangfire", signedIn.Headers.Location!.OriginalString);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("approval.login="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var dashboard = await browser.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Approval timers", await dashboard.Content.ReadAsStringAsync());

        // The API takes bearer tokens only: the cookie alone is not a login there.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/supervision/warnings")).StatusCode);

        await browser.PostAsync("/logout", Form(await TokenAsync(browser, "/"), []));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task TheDashboard_IsForAdministratorsAndTheSupervisionOffice_Only()
    {
        var handler = Browser();
        await SignInAsync(handler, "handler1", ApprovalHost.Password, "/hangfire");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/hangfire")).StatusCode);

        var bearerAdmin = await _host.LoginAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await bearerAdmin.GetAsync("/hangfire")).StatusCode);
        var bearerHead = await _host.LoginAsync("head1");
        Assert.Equal(HttpStatusCode.Forbidden, (await bearerHead.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task AWrongPassword_ShowsTheFormAgain_AndSetsNoLogin()
    {
        var browser = Browser();

        var response = await SignInAsync(browser, "supervisor1", "wrong-password", "/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("approval.login=")));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/hangfire")).StatusCode);
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("//attacker.example/")]
    [InlineData("/\\attacker.example/")]
    public async Task ALoginNeverRedirectsOffTheSite(string returnUrl)
    {
        var browser = Browser();

        var response = await SignInAsync(browser, "supervisor1", ApprovalHost.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task APostWithoutTheFormsAntiforgeryToken_IsRefused()
    {
        var browser = Browser();
        await browser.GetAsync("/login");

        var response = await browser.PostAsync("/login", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["userName"] = "supervisor1", ["password"] = ApprovalHost.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/hangfire")).StatusCode);
    }

    private HttpClient Browser()
    {
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return client;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password, string returnUrl) =>
        await browser.PostAsync("/login", Form(await TokenAsync(browser, returnUrl), new()
        {
            ["userName"] = userName, ["password"] = password, ["returnUrl"] = returnUrl,
        }));

    private static async Task<(string Name, string Value)> TokenAsync(HttpClient browser, string returnUrl)
    {
        var page = await browser.GetStringAsync($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var match = AntiforgeryField().Match(page);
        Assert.True(match.Success, "the login form carries an antiforgery token");
        return (match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value));
    }

    private static FormUrlEncodedContent Form((string Name, string Value) token, Dictionary<string, string> fields)
    {
        fields[token.Name] = token.Value;
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("""name="(__RequestVerificationToken[^"]*)" value="([^"]+)">""")]
    private static partial Regex AntiforgeryField();
}
