using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Activities.Contract;
using Approval.Activities.Definitions;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests;

public sealed class RuntimeTests : IAsyncLifetime
{
    private static readonly Actor Everyone = new("test", "test", Roles.All.ToHashSet(), null, null);
    private readonly ApprovalHost _host = new();

    public Task InitializeAsync() => _host.CreateClient().GetAsync("/health");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> WorkflowFiles() =>
        [.. Directory.GetFiles(ApprovalHost.WorkflowsFolder, "*.json").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public async Task EveryShippedFlow_IsPublishedOnStart_AndRunsToEnd(string file)
    {
        var definition = WorkflowJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(ApprovalHost.WorkflowsFolder, file)));
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var flow = await scope.ServiceProvider.GetRequiredService<DefinitionStore>().GetCurrentAsync(db, definition.DefinitionId, default);
        Assert.NotNull(flow);
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var (instance, _) = await runtime.StartAsync(flow, "{}", "market-regulation", Everyone, default);
        await db.SaveChangesAsync();

        // Take each step's first outcome (the happy path) until nothing is open.
        for (var steps = 0; steps < 50; steps++)
        {
            var open = await db.Tasks.Include(t => t.Instance).Where(t => t.InstanceId == instance.Id && t.Status == WorkTaskStatus.Open).ToListAsync();
            if (open.Count == 0)
            {
                break;
            }

            var task = open[0];
            var outcome = flow.Nodes[task.ActivityId].Descriptor.Outcomes[0].Name;
            var completion = await runtime.CompleteTaskAsync(task, outcome, null, Everyone with { Department = task.Department }, default);
            Assert.Equal(Completion.Status.Completed, completion.Result);
        }

        await db.Entry(instance).ReloadAsync();
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Approved", instance.Result);
    }

    [Fact]
    public async Task AnActivityThatThrows_FaultsTheInstance_WithAnIncident_AndTheHostCarriesOn()
    {
        var admin = await _host.LoginAsync("admin");
        await PublishAsync(admin, Flow("needs-amount", "[amount] > 10"));
        var window = await _host.LoginAsync("window1");

        var created = await window.CreateCaseAsync("needs-amount", data: new { other = 1 });

        Assert.Equal("Faulted", created.Str("status"));
        var incident = Assert.Single(created.GetProperty("incidents").EnumerateArray());
        Assert.Equal("check", incident.Str("activityId"));
        Assert.Contains("amount", incident.Str("message"));
        Assert.Equal(HttpStatusCode.OK, (await _host.CreateClient().GetAsync("/health")).StatusCode);
        Assert.Equal("Running", (await window.CreateCaseAsync()).Str("status"));
    }

    [Fact]
    public async Task Decision_RoutesByTheCaseData()
    {
        var admin = await _host.LoginAsync("admin");
        await PublishAsync(admin, Flow("by-amount", "[amount] > 10 and [applicant.type] = '企业'"));
        var window = await _host.LoginAsync("window1");

        var big = await window.CreateCaseAsync("by-amount", data: new { amount = 50, applicant = new { type = "企业" } });
        var small = await window.CreateCaseAsync("by-amount", data: new { amount = 5, applicant = new { type = "企业" } });

        Assert.Equal(["accept"], big.OpenActivities());
        Assert.Equal("Completed", small.Str("status"));
        Assert.Equal("Refused", small.Str("result"));
    }

    // A flow that loops through automatic steps only would spin forever inside one request.
    [Fact]
    public async Task AFlowLoopingWithoutWaiting_IsStopped_AndFaulted()
    {
        var admin = await _host.LoginAsync("admin");
        var flow = Flow("spins", "1 = 1");
        flow["connections"]!.AsArray().Single(c => c!["from"]!.GetValue<string>() == "check" && c["outcome"]!.GetValue<string>() == "True")!["to"] = "check";
        flow["connections"]!.AsArray().Single(c => c!["from"]!.GetValue<string>() == "check" && c["outcome"]!.GetValue<string>() == "False")!["to"] = "accept";
        await PublishAsync(admin, flow);
        var window = await _host.LoginAsync("window1");

        var created = await window.CreateCaseAsync("spins");

        Assert.Equal("Faulted", created.Str("status"));
        Assert.Equal("LoopLimit", Assert.Single(created.GetProperty("incidents").EnumerateArray()).Str("exceptionType"));
    }

    [Fact]
    public async Task History_IsAppendOnly()
    {
        var window = await _host.LoginAsync("window1");
        var created = await window.CreateCaseAsync();
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var entry = await db.History.FirstAsync(h => h.InstanceId == Guid.Parse(created.Id()));

        entry.Comment = "rewritten";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("append-only", error.Message);
        db.History.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    private static async Task PublishAsync(HttpClient admin, JsonObject flow)
    {
        var created = await admin.PostAsJsonAsync("/api/definitions", flow);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var published = await admin.PostAsync($"/api/definitions/{flow["definitionId"]}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }

    // Start → Decision(condition) → True: Accept → End; False: End(Refused).
    private static JsonObject Flow(string id, string condition) => JsonNode.Parse($$"""
        {
          "definitionId": "{{id}}",
          "name": "条件流程",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "check", "type": "Decision", "properties": { "condition": {{JsonSerializer.Serialize(condition)}} } },
            { "id": "accept", "type": "Accept" },
            { "id": "done", "type": "End", "properties": { "result": "Approved" } },
            { "id": "refused", "type": "End", "properties": { "result": "Refused" } }
          ],
          "connections": [
            { "from": "start", "outcome": "Done", "to": "check" },
            { "from": "check", "outcome": "True", "to": "accept" },
            { "from": "check", "outcome": "False", "to": "refused" },
            { "from": "accept", "outcome": "Accepted", "to": "done" },
            { "from": "accept", "outcome": "NeedsCorrection", "to": "accept" },
            { "from": "accept", "outcome": "Refused", "to": "refused" }
          ]
        }
        """)!.AsObject();
}
