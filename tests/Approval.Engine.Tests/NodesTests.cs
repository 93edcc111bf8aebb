using System.Net;

namespace Approval.Engine.Tests;

/// <summary>Several hosts on one database file: restarts and scale-out.</summary>
public sealed class NodesTests
{
    [Fact]
    public async Task Case_SurvivesARestart_WithItsTasksAndHistory()
    {
        string caseId, review;
        await using (var first = new ApprovalHost())
        {
            var window = await first.LoginAsync("window1");
            var created = await window.CreateCaseAsync();
            caseId = created.Id();
            review = (await window.CompleteOkAsync(created.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0].Id();
            await using var restarted = new ApprovalHost(first.DatabasePath);
            await first.DisposeAsync();

            var handler = await restarted.LoginAsync("handler1");
            var after = await handler.GetCaseAsync(caseId);
            Assert.Equal(review, after.OpenTask("review"));
            Assert.Equal(2, after.GetProperty("history").GetArrayLength());
            await handler.CompleteOkAsync(review, "Pass");
        }
    }

    [Fact]
    public async Task SecondHost_OnTheSameDatabase_SeesAndCompletesTheOpenTask()
    {
        await using var nodeA = new ApprovalHost();
        await using var nodeB = new ApprovalHost(nodeA.DatabasePath);
        var windowA = await nodeA.LoginAsync("window1");
        var created = await windowA.CreateCaseAsync();

        var windowB = await nodeB.LoginAsync("window1");
        var inbox = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(windowB, "/api/tasks");
        Assert.Contains(created.OpenTask("accept"), inbox.EnumerateArray().Select(t => t.Id()));
        await windowB.CompleteOkAsync(created.OpenTask("accept"), "Accepted");

        // The node that did not do it sees the step, and cannot do it a second time.
        Assert.Equal(["review"], (await windowA.GetCaseAsync(created.Id())).OpenActivities());
        Assert.Equal(HttpStatusCode.Conflict, (await windowA.CompleteAsync(created.OpenTask("accept"), "Accepted")).StatusCode);
    }

    [Fact]
    public async Task Restart_ImportsNoFlowTwice()
    {
        await using var first = new ApprovalHost();
        var admin = await first.LoginAsync("admin");
        var before = await admin.GetStringAsync("/api/definitions/standard-licence/versions");
        await using var second = new ApprovalHost(first.DatabasePath);
        var admin2 = await second.LoginAsync("admin");

        var after = await admin2.GetStringAsync("/api/definitions/standard-licence/versions");

        Assert.Equal(before, after);
        Assert.Single(System.Text.Json.JsonDocument.Parse(after).RootElement.EnumerateArray());
    }
}
