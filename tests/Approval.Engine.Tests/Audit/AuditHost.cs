using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Audit;

/// <summary>
/// A host whose every request comes from <see cref="ClientIp"/> (the test server has no network
/// peer of its own), and helpers that read the audit log as the supervision office does.
/// </summary>
internal static class AuditHost
{
    public const string ClientIp = "203.0.113.9";
    public const string UserAgent = "AuditTests/1.0";

    // Quartz is off: its daily sweep would record warnings as the fake clock passes 08:30.
    public static ApprovalHost Create(DateTimeOffset? start = null) => new(
        settings: new Dictionary<string, string?> { ["Auth:TokenLifetimeMinutes"] = "525600", ["Scheduling:Enabled"] = "false" },
        start: start ?? DateTimeOffset.Parse("2026-03-02T09:00:00+08:00"))
    {
        TestServices = services => services.AddSingleton<IStartupFilter, FromClientIp>(),
    };

    public static async Task<HttpClient> LoginAsync(this ApprovalHost host, string userName, bool withAgent)
    {
        var client = await host.LoginAsync(userName);
        if (withAgent)
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        }

        return client;
    }

    /// <summary>Every entry, oldest first, read page by page.</summary>
    public static async Task<List<JsonElement>> EntriesAsync(this HttpClient supervisor, string filter = "")
    {
        var entries = new List<JsonElement>();
        long? after = null;
        do
        {
            var page = await supervisor.GetFromJsonAsync<JsonElement>($"/api/audit?order=oldest&take=1000{filter}{(after is null ? "" : $"&after={after}")}");
            entries.AddRange(page.GetProperty("entries").EnumerateArray());
            after = page.TryGetProperty("next", out var next) ? next.GetInt64() : null; // absent on the last page
        }
        while (after is not null);
        return entries;
    }

    public static async Task<JsonElement> VerifyAsync(this HttpClient supervisor)
    {
        var response = await supervisor.GetAsync("/api/audit/verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> SingleAsync(this HttpClient supervisor, string action, string? resourceId = null)
    {
        var found = await supervisor.EntriesAsync($"&action={action}{(resourceId is null ? "" : $"&resourceId={Uri.EscapeDataString(resourceId)}")}");
        return Assert.Single(found);
    }

    public static JsonElement Details(this JsonElement entry) => entry.GetProperty("details");

    public static string[] RolesOf(this JsonElement entry) => [.. entry.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];

    private sealed class FromClientIp : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ClientIp);
                return following(context);
            });
            next(app);
        };
    }
}
