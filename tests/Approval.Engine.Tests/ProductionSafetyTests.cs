using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approval.Engine.Tests;

public sealed class ProductionSafetyTests
{
    [Fact]
    public async Task Production_SeedsNoDemoUser()
    {
        await using var host = new ApprovalHost(environment: "Production");
        var client = host.CreateClient();

        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = ApprovalHost.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Production_RefusesToStart_WithADemoPasswordConfigured()
    {
        await using var host = new ApprovalHost(environment: "Production", settings: new Dictionary<string, string?> { ["Demo:Password"] = "Demo#2026" });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Development only", error.ToString());
    }

    [Fact]
    public async Task Production_RefusesToStart_WithoutASigningKey()
    {
        await using var host = new ApprovalHost(environment: "Production", settings: new Dictionary<string, string?> { ["Auth:SigningKey"] = "" });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Auth:SigningKey", error.ToString());
    }

    private static ApprovalHost Production(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["https_port"] = "443", ["Scheduling:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new ApprovalHost(environment: "Production", settings: all);
    }

    private static HttpClient Client(ApprovalHost host, string address) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), AllowAutoRedirect = false });

    [Fact]
    public async Task Production_RedirectsPlainHttpToHttps_AndSendsHsts_OverHttps()
    {
        await using var host = Production();

        var plain = await Client(host, "http://approval.example").GetAsync("/api/public/items");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://approval.example/api/public/items", plain.Headers.Location!.ToString());

        // A load balancer's probe from inside stays on plain HTTP.
        Assert.Equal(HttpStatusCode.OK, (await Client(host, "http://approval.example").GetAsync("/health")).StatusCode);

        var secure = await Client(host, "https://approval.example").GetAsync("/api/public/items");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.StartsWith("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Production_BelievesForwardedProto_OnlyFromAListedProxy()
    {
        const string Proxy = "203.0.113.9";
        await using var unlisted = Production();
        await using var listed = Production(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = Proxy });

        Assert.Equal(StatusCodes.Status307TemporaryRedirect, (await ForwardedAsync(unlisted, Proxy)).Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await ForwardedAsync(listed, Proxy)).Response.StatusCode);
    }

    // Straight to the test server, to give the request the address a real connection would have.
    private static Task<HttpContext> ForwardedAsync(ApprovalHost host, string from) => host.Server.SendAsync(c =>
    {
        c.Request.Method = "GET";
        c.Request.Scheme = "http";
        c.Request.Host = new HostString("approval.example");
        c.Request.Path = "/api/public/items";
        c.Request.Headers["X-Forwarded-Proto"] = "https";
        c.Connection.RemoteIpAddress = IPAddress.Parse(from);
    });

    [Fact]
    public async Task EveryAnswer_CarriesTheSecurityHeaders()
    {
        await using var host = Production();
        var client = Client(host, "https://approval.example");

        foreach (var path in new[] { "/api/public/items", "/login", "/api/cases", "/no-such-page" })
        {
            var response = await client.GetAsync(path);
            string Header(string name) => response.Headers.TryGetValues(name, out var v) ? v.Single() : $"({name} missing on {path})";

            Assert.Equal("nosniff", Header("X-Content-Type-Options"));
            Assert.Equal("DENY", Header("X-Frame-Options"));
            Assert.Equal("no-referrer", Header("Referrer-Policy"));
            Assert.Contains("camera=()", Header("Permissions-Policy"));
            Assert.Contains("frame-ancestors 'none'", Header("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", Header("Content-Security-Policy"));
        }
    }

    [Fact]
    public async Task Cors_IsClosedByDefault_AndOpensOnlyToConfiguredOrigins()
    {
        await using var closed = Production();
        var refused = await Preflight(closed, "https://portal.example");
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));

        await using var open = Production(new Dictionary<string, string?> { ["Cors:Origins:0"] = "https://portal.example" });
        var allowed = await Preflight(open, "https://portal.example");
        Assert.Equal("https://portal.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False((await Preflight(open, "https://elsewhere.example")).Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static async Task<HttpResponseMessage> Preflight(ApprovalHost host, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/cases");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await Client(host, "https://approval.example").SendAsync(request);
    }
}
