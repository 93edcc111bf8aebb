using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Approval.Engine.Tests;

/// <summary>Small helpers over the HTTP API, reading answers as JSON documents.</summary>
internal static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Files an application for a test item that runs <paramref name="definitionId"/> in <paramref name="department"/>.</summary>
    public static async Task<JsonElement> CreateCaseAsync(
        this HttpClient client, string definitionId = "standard-licence", string department = "market-regulation", object? data = null)
    {
        Assert.True(ApprovalHost.Hosts.TryGetValue(client, out var host), "Log in through ApprovalHost.LoginAsync first.");
        var itemCode = await host.ItemForAsync(definitionId, department);
        var response = await client.PostAsJsonAsync("/api/cases", new
        {
            itemCode,
            applicant = new { name = "李四", idNumber = "452628199001011234", phone = "13800000000" },
            materials = new[] { new { name = "申请书", originals = 1, copies = 0 } },
            data = data ?? new { amount = 1 },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetCaseAsync(this HttpClient client, string caseId)
    {
        var response = await client.GetAsync($"/api/cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Completes a task. Where a test does not care what the step's rules ask of an outcome, this gives
    /// it: a reason for a refusal, return, rejection or denial, the legal basis of a refusal to accept,
    /// the list a correction notice names (the rules themselves are tested on raw requests).
    /// </summary>
    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient client, string taskId, string outcome, string? comment = null) =>
        client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new
        {
            outcome,
            comment = comment ?? (outcome is "Refused" or "Return" or "Reject" or "Deny" ? "不符合法定条件" : null),
            legalBasis = outcome == "Refused" ? "《中华人民共和国行政许可法》第三十二条" : null,
            missingMaterials = outcome == "NeedsCorrection" ? new[] { comment ?? "申请材料" } : null,
        });

    /// <summary>Completes a task and insists on 200, returning the answer.</summary>
    public static async Task<JsonElement> CompleteOkAsync(this HttpClient client, string taskId, string outcome, string? comment = null)
    {
        var response = await client.CompleteAsync(taskId, outcome, comment);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string OpenTask(this JsonElement @case, string activityId) =>
        @case.GetProperty("openTasks").EnumerateArray()
            .Single(t => t.GetProperty("activityId").GetString() == activityId)
            .GetProperty("id").GetString()!;

    public static string[] OpenActivities(this JsonElement @case) =>
        [.. @case.GetProperty("openTasks").EnumerateArray().Select(t => t.GetProperty("activityId").GetString()!).Order()];

    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
