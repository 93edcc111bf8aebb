using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Approval.Engine.Deadlines;
using Approval.Engine.Identity;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Engine.Tasks;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Tasks;

/// <summary>
/// Completing a task is one use case whichever kind the task is, and it alone decides who may: the
/// role and department, and the window's grants. A test item (20/10 working days) accepted on Monday 2 March 2026.
/// </summary>
public sealed class CompleteTaskTests : IAsyncLifetime
{
    // Quartz is off: its daily sweep would run as the fake clock passes 08:30 and record the cards first.
    private readonly ApprovalHost _host = new(
        settings: new Dictionary<string, string?> { ["Auth:TokenLifetimeMinutes"] = "525600", ["Scheduling:Enabled"] = "false" },
        start: DateTimeOffset.Parse("2026-03-02T09:00:00+08:00"));

    private HttpClient _window = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _window = await _host.LoginAsync("window1");
        _admin = await _host.LoginAsync("admin");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnEscalationTask_IsCompletedThroughCompleteTask_AndResolvesItsRedCard()
    {
        var task = await EscalationTaskAsync();
        await using var scope = _host.Services.CreateAsyncScope();
        var complete = scope.ServiceProvider.GetRequiredService<CompleteTask>();

        var refused = await complete.RunAsync(new CompleteTaskCommand(task, EscalationTasks.Handled, "不是我的"), await UserAsync("handler1"), default);
        var done = await complete.RunAsync(new CompleteTaskCommand(task, EscalationTasks.Handled, "已约谈经办人"), await UserAsync("head1"), default);

        Assert.Equal("You may not complete this task: it is for role DepartmentHead of department market-regulation.",
            Assert.IsType<Refusal.Forbidden>(refused.Refusal).Detail);
        Assert.True(done.Succeeded, done.Refusal?.Detail);
        Assert.Equal(TaskKind.Escalation, done.Value!.Task.Kind);
        Assert.Equal(WorkTaskStatus.Completed, done.Value.Task.Status);
        Assert.Equal("head1", done.Value.Task.CompletedBy);
        Assert.Empty(done.Value.OpenedTasks);
        var red = (await (await _host.LoginAsync("supervisor1")).GetFromJsonAsync<JsonElement>("/api/supervision/warnings"))
            .EnumerateArray().Single(w => w.Str("kind") == "Red");
        Assert.Equal("Resolved", red.Str("status"));
        Assert.Equal("已约谈经办人", red.Str("comment"));
    }

    [Fact]
    public async Task CompleteEscalation_KnowsOnlyEscalationTasks()
    {
        var created = await _window.CreateCaseAsync();
        await using var scope = _host.Services.CreateAsyncScope();

        var answer = await scope.ServiceProvider.GetRequiredService<CompleteEscalation>()
            .RunAsync(new CompleteEscalationCommand(Guid.Parse(created.OpenTask("accept")), EscalationTasks.Handled, "已处理"), await UserAsync("window1"), default);

        Assert.IsType<Refusal.NotFound>(answer.Refusal);
        Assert.Equal(["accept"], (await _window.GetCaseAsync(created.Id())).OpenActivities());
    }

    [Fact]
    public async Task AClerkAtAWindowThatNoLongerServesTheItem_IsRefusedWithTheGuardsReason_AndTheTaskStaysOpen()
    {
        var created = await _window.CreateCaseAsync();
        var item = await _host.ItemForAsync("standard-licence");
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/windows/W01/grants/{item}")).StatusCode);
        try
        {
            // The clerk filed it at W01, so the case is theirs to see: the window's grant is what refuses them.
            var refused = await _window.CompleteAsync(created.OpenTask("accept"), "Accepted");

            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal($"Window W01 does not serve item {item}: it holds no grant to accept it.",
                (await refused.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"));
            var after = await _window.GetCaseAsync(created.Id());
            Assert.Equal(["accept"], after.OpenActivities());
            Assert.False(after.GetProperty("clock").TryGetProperty("acceptedOn", out _));
        }
        finally
        {
            await ApprovalHost.GrantToWindowsOfAsync(_admin, item, "market-regulation");
        }

        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
    }

    [Fact]
    public async Task AStepForAnotherRole_IsRefusedWithASentenceSayingWhoseItIs()
    {
        var created = await _window.CreateCaseAsync();
        var review = (await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];

        var refused = await (await _host.LoginAsync("head1")).CompleteAsync(review.Id(), "Pass", "同意");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("You may not complete this task: it is for role DepartmentHandler of department market-regulation.",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"));
        Assert.Equal(["review"], (await _window.GetCaseAsync(created.Id())).OpenActivities());
    }

    [Fact]
    public async Task ARoleThatCompletesNoTasks_IsRefusedWithTheRolesThatDo()
    {
        var created = await _window.CreateCaseAsync();

        var refused = await (await _host.LoginAsync("supervisor1")).CompleteAsync(created.OpenTask("accept"), "Accepted");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).Str("detail");
        Assert.StartsWith("You may not complete any task: that is for the roles ", detail);
        Assert.Contains("WindowStaff", detail);
    }

    private async Task<Guid> EscalationTaskAsync()
    {
        var created = await _window.CreateCaseAsync();
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
        var id = Guid.Parse(created.Id());
        _host.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-17T09:00:00+08:00"));
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var version = (await _window.GetCaseAsync(created.Id())).GetProperty("clock").GetProperty("clockVersion").GetInt32();
            Assert.Equal(TimerOutcome.Recorded, await scope.ServiceProvider.GetRequiredService<DeadlineTimers>().FireAsync(id, TimerKind.Red, null, version, default));
        }

        var inbox = await (await _host.LoginAsync("head1")).GetFromJsonAsync<JsonElement>("/api/tasks");
        return Guid.Parse(inbox.EnumerateArray().Single(t => t.Str("kind") == "Escalation").Id());
    }

    // The principal the UI's circuit carries: the login cookie's claims, which are the token's.
    private async Task<ClaimsPrincipal> UserAsync(string userName)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        return new ClaimsPrincipal(new ClaimsIdentity(TokenService.For(user, await users.GetRolesAsync(user)), "test", "name", "role"));
    }
}
