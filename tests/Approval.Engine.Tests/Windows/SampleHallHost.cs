using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Windows;

/// <summary>
/// The Engine as it first starts in Development with the sample catalogue and the sample hall:
/// W01 to W07 with their grants and the demo clerks seated, on Monday 2 March 2026, 09:00 China time.
/// </summary>
public sealed class SampleHallHost : IAsyncLifetime
{
    public static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2026-03-02T09:00:00+08:00");

    public ApprovalHost Host { get; } = Create();

    public static ApprovalHost Create(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Catalogue:LoadSample"] = "true", ["Scheduling:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new ApprovalHost(settings: all, start: Monday);
    }

    public Task InitializeAsync() => Host.CreateClient().GetAsync("/health");

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

internal static class Hall
{
    /// <summary>Files an application for a sample item with every required material of its notification list, less <paramref name="leaveOut"/>.</summary>
    public static async Task<HttpResponseMessage> FileAsync(this HttpClient client, string itemCode, params string[] leaveOut)
    {
        var item = await client.GetFromJsonAsync<JsonElement>($"/api/public/items/{itemCode}");
        var materials = item.GetProperty("materials").EnumerateArray()
            .Where(m => m.GetProperty("required").GetBoolean() && !leaveOut.Contains(m.Str("name")))
            .Select(m => new { name = m.Str("name"), originals = m.GetProperty("originals").GetInt32(), copies = m.GetProperty("copies").GetInt32() })
            .ToList();
        return await client.PostAsJsonAsync("/api/cases", new { itemCode, applicant = new { name = "陈七", phone = "13900000000" }, materials });
    }

    public static async Task<JsonElement> FileOkAsync(this HttpClient client, string itemCode, params string[] leaveOut)
    {
        var response = await client.FileAsync(itemCode, leaveOut);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<int> CasesOfAsync(this ApprovalHost host, string itemCode)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().Cases.CountAsync(c => c.ItemCode == itemCode);
    }

    public static JsonElement Step(this JsonElement @case, string activityId) =>
        @case.GetProperty("history").EnumerateArray().Last(h => h.Str("activityId") == activityId);
}
