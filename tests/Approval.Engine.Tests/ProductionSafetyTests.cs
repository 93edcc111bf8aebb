using System.Net;
using System.Net.Http.Json;

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
}
