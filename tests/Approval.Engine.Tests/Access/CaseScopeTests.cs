using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Activities.Definitions;
using Approval.Designer.Services;
using Approval.Engine.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Access;

/// <summary>
/// The same rule everywhere a case shows: the scoped list, the single read, the Blazor case viewer;
/// and the designer saves and publishes for administrators only, whatever the page lets a user click.
/// </summary>
[Collection(AccessFixture.Collection)]
public sealed class CaseScopeTests(AccessFixture fixture)
{
    // A subtle failure this guards against: a list filter written apart from the single-case rule, showing what a read would hide.
    [Fact]
    public async Task TheCaseList_ShowsExactlyTheCasesThatExistForTheCaller()
    {
        string[] cases = [fixture.Case, fixture.PausedCase, fixture.ExtensionCase, fixture.TryOut];
        foreach (var caller in AccessFixture.Callers.Skip(1))
        {
            var client = fixture.Clients[caller];
            var listed = (await client.GetFromJsonAsync<JsonElement>("/api/cases?take=500")).EnumerateArray().Select(c => c.Id()).ToHashSet();
            foreach (var id in cases)
            {
                var read = (await client.GetAsync($"/api/cases/{id}")).StatusCode;
                Assert.True(listed.Contains(id) == (read != HttpStatusCode.NotFound), $"{caller}: case {id} listed {listed.Contains(id)}, read {read}.");
            }
        }

        Assert.Contains(fixture.Case, await ListedAsync("handler1"));
        Assert.Contains(fixture.Case, await ListedAsync("window1"));
        Assert.Contains(fixture.Case, await ListedAsync("applicant1"));
        Assert.DoesNotContain(fixture.Case, await ListedAsync("handler2"));
        Assert.DoesNotContain(fixture.Case, await ListedAsync("window2"));
        Assert.DoesNotContain(fixture.Case, await ListedAsync("applicant2"));
    }

    [Fact]
    public async Task TheCaseList_FiltersByItemAndStatus_WithinTheCallersScope()
    {
        var running = await ListedAsync("handler1", $"?item={fixture.Item}&status=Running");
        var faulted = await ListedAsync("handler1", $"?item={fixture.Item}&status=Faulted");
        var invalid = await fixture.Clients["handler1"].GetAsync("/api/cases?status=Lost&from=yesterday");

        Assert.Contains(fixture.Case, running);
        Assert.DoesNotContain(fixture.TryOut, running);
        Assert.Empty(faulted);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task TheCaseViewer_ShowsACase_OnlyToThoseForWhomItExists()
    {
        var views = fixture.Host.Services.GetRequiredService<ICaseViews>();
        var id = Guid.Parse(fixture.Case);

        Assert.NotNull(await views.GetAsync(await UserAsync("handler1"), id));
        Assert.NotNull(await views.GetAsync(await UserAsync("window1"), id));
        Assert.NotNull(await views.GetAsync(await UserAsync("applicant1"), id));
        Assert.NotNull(await views.GetAsync(await UserAsync("admin"), id)); // the path only: CaseView holds no applicant data
        Assert.Null(await views.GetAsync(await UserAsync("handler2"), id));
        Assert.Null(await views.GetAsync(await UserAsync("head2"), id));
        Assert.Null(await views.GetAsync(await UserAsync("window2"), id));
        Assert.Null(await views.GetAsync(await UserAsync("applicant2"), id));
        Assert.Contains((await views.RecentAsync(await UserAsync("handler1"), 500)), c => c.Id == id);
        Assert.DoesNotContain((await views.RecentAsync(await UserAsync("handler2"), 500)), c => c.Id == id);
    }

    [Fact]
    public async Task TheDesigner_SavesAndPublishes_ForAdministratorsOnly()
    {
        var flows = fixture.Host.Services.GetRequiredService<IFlowDesigns>();
        var definition = WorkflowJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(ApprovalHost.WorkflowsFolder, "standard-licence.json")))
            with { DefinitionId = "designer-access" };

        foreach (var name in new[] { "supervisor1", "head1", "handler1", "window1", "applicant1" })
        {
            var user = await UserAsync(name);
            Assert.False((await flows.SaveDraftAsync(user, definition)).Succeeded, $"{name} saved a flow.");
            Assert.False((await flows.PublishAsync(user, "standard-licence")).Succeeded, $"{name} published a flow.");
            Assert.Null((await fixture.Host.Services.GetRequiredService<ICaseViews>().TryOutAsync(user, "standard-licence", null, "{}")).CaseId);
        }

        Assert.Null(await flows.GetAsync(await UserAsync("admin"), "designer-access"));
        var admin = await UserAsync("admin");
        Assert.True((await flows.SaveDraftAsync(admin, definition)).Succeeded);
        Assert.True((await flows.PublishAsync(admin, "designer-access")).Succeeded);
        Assert.NotNull((await fixture.Host.Services.GetRequiredService<ICaseViews>().TryOutAsync(admin, "designer-access", null, "{}")).CaseId);
    }

    // Separation of duties: the centre designs flows; a flow that gives a case's step to administrators does not make them deciders.
    [Fact]
    public async Task AnAdministrator_NeverCompletesACasesTask_EvenOneGivenToTheirRole()
    {
        var admin = fixture.Clients["admin"];
        var flow = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ApprovalHost.WorkflowsFolder, "standard-licence.json")))!;
        flow["definitionId"] = "admin-review";
        flow["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "review")!["properties"]!["role"] = "Administrator";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/definitions", Json(flow))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/definitions/admin-review/publish", null)).StatusCode);
        var window = fixture.Clients["window1"];
        var filed = await window.CreateCaseAsync("admin-review", AccessFixture.Department);
        var review = (await window.CompleteOkAsync(filed.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];
        Assert.Equal("Administrator", review.Str("role"));

        var inbox = await admin.GetFromJsonAsync<JsonElement>("/api/tasks?take=500");
        var response = await admin.CompleteAsync(review.Id(), "Pass", "同意");

        Assert.DoesNotContain(review.Id(), inbox.EnumerateArray().Select(t => t.Id()));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(["review"], (await fixture.Clients["supervisor1"].GetCaseAsync(filed.Id())).OpenActivities());
    }

    // A trial case's tasks are the administrators' own (试运行): the office reads every open task of the applications.
    [Fact]
    public async Task TheSupervisionOffice_ReadsEveryOpenTask_AndCompletesNone()
    {
        var paused = (await fixture.Clients["supervisor1"].GetCaseAsync(fixture.PausedCase)).GetProperty("openTasks")[0].Id();
        var tryOut = (await fixture.Clients["supervisor1"].GetCaseAsync(fixture.TryOut)).OpenTask("accept");

        var inbox = await fixture.Clients["supervisor1"].GetFromJsonAsync<JsonElement>("/api/tasks?take=500");

        Assert.Contains(paused, inbox.EnumerateArray().Select(t => t.Id()));
        Assert.DoesNotContain(tryOut, inbox.EnumerateArray().Select(t => t.Id()));
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Clients["supervisor1"].CompleteAsync(paused, "Pass")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Clients["supervisor1"].CompleteAsync(tryOut, "Accepted")).StatusCode);
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private async Task<HashSet<string>> ListedAsync(string caller, string query = "?take=500") =>
        (await fixture.Clients[caller].GetFromJsonAsync<JsonElement>($"/api/cases{query}")).EnumerateArray().Select(c => c.Id()).ToHashSet();

    // The principal the UI's circuit carries: the login cookie's claims, which are the token's.
    private async Task<ClaimsPrincipal> UserAsync(string userName)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        return new ClaimsPrincipal(new ClaimsIdentity(TokenService.For(user, await users.GetRolesAsync(user)), "test", "name", "role"));
    }
}
