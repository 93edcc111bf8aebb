using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests.Hardening;

/// <summary>Guessing passwords: a rate limit per client address on both ways in, and a lockout per account.</summary>
public sealed class LoginLimitsTests
{
    [Fact]
    public async Task TooManyLogins_FromOneAddress_Get429_WithRetryAfter_OnTheApiAndTheLoginPage()
    {
        await using var host = new ApprovalHost(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:Login:PermitLimit"] = "3",
            ["RateLimiting:Login:WindowSeconds"] = "600",
        });
        var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = ApprovalHost.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names the seconds to wait.");

        // The browser's form shares the address's allowance.
        var form = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin", ["password"] = "x" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);

        // Reading is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne_For15Minutes()
    {
        await using var host = new ApprovalHost();
        var client = host.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { userName = "handler1", password = "wrong-password" })).StatusCode);
        }

        var locked = await client.PostAsJsonAsync("/api/auth/login", new { userName = "handler1", password = ApprovalHost.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked", (await locked.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"));

        // Another account is not affected.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { userName = "head1", password = ApprovalHost.Password })).StatusCode);

        host.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { userName = "handler1", password = ApprovalHost.Password })).StatusCode);
    }
}
