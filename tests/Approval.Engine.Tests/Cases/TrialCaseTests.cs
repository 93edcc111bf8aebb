using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Approval.Designer.Services;
using Approval.Engine.Identity;
using Approval.Engine.Statistics;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Cases;

/// <summary>
/// Trial cases (试运行): a case an administrator starts from a bare flow is marked as one, its tasks
/// are in the administrators' inbox only, and it changes no figure.
/// </summary>
public sealed class TrialCaseTests : IAsyncLifetime
{
    private const string Department = "market-regulation";
    private readonly ApprovalHost _host = new();
    private HttpClient _admin = null!;
    private HttpClient _window = null!;
    private HttpClient _handler = null!;

    public async Task InitializeAsync()
    {
        _admin = await _host.LoginAsync("admin");
        _window = await _host.LoginAsync("window1");
        _handler = await _host.LoginAsync("handler1");
        await _host.ItemForAsync("standard-licence", Department);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ATrialCasesTasks_AreInTheAdministratorsInbox_AndNoOneElses()
    {
        var trial = await TryOutAsync();
        var accept = trial.OpenTask("accept");
        var real = await _window.CreateCaseAsync();

        Assert.Contains(accept, await InboxAsync(_admin));
        Assert.DoesNotContain(accept, await InboxAsync(_window));
        Assert.DoesNotContain(accept, await InboxAsync(await _host.LoginAsync("supervisor1")));
        Assert.Contains(real.OpenTask("accept"), await InboxAsync(_window)); // the clerk's inbox still holds real applications

        var review = (await _admin.CompleteOkAsync(accept, "Accepted")).GetProperty("openedTasks")[0].Id();

        Assert.Contains(review, await InboxAsync(_admin));
        Assert.DoesNotContain(review, await InboxAsync(_handler));
    }

    [Fact]
    public async Task ATrialCasesSteps_AreWalkedThroughByTheAdministrators_NotByTheStepsRoles()
    {
        var trial = await TryOutAsync();
        var accept = trial.OpenTask("accept");

        var refused = await _window.PostAsJsonAsync($"/api/tasks/{accept}/complete", new { outcome = "Accepted" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("试运行", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var review = (await _admin.CompleteOkAsync(accept, "Accepted")).GetProperty("openedTasks")[0].Id();
        Assert.Equal(HttpStatusCode.Forbidden, (await _handler.PostAsJsonAsync($"/api/tasks/{review}/complete", new { outcome = "Pass" })).StatusCode);
        await _admin.CompleteOkAsync(review, "Pass");
    }

    // Trial cases have no item and only item cases are counted: the day-total triggers, the report and the public figures.
    [Fact]
    public async Task ATrialCase_ChangesNoFigure()
    {
        var before = await FiguresAsync();

        var trial = await TryOutAsync();
        await _admin.CompleteOkAsync(trial.OpenTask("accept"), "Accepted");

        Assert.Equal(before, await FiguresAsync());

        // The same steps for an application do change them, so the comparison above can see a change.
        var real = await _window.CreateCaseAsync();
        await _window.CompleteOkAsync(real.OpenTask("accept"), "Accepted");
        Assert.NotEqual(before, await FiguresAsync());
    }

    [Fact]
    public async Task TheCaseLists_MarkTrialCases()
    {
        var trial = (await TryOutAsync()).Id();
        var real = (await _window.CreateCaseAsync()).Id();

        var listed = (await _admin.GetFromJsonAsync<JsonElement>("/api/cases?take=500")).EnumerateArray().ToDictionary(c => c.Id());
        var views = await _host.Services.GetRequiredService<ICaseViews>().RecentAsync(await UserAsync("admin"), 500);

        Assert.True(listed[trial].GetProperty("trial").GetBoolean());
        Assert.False(listed[real].GetProperty("trial").GetBoolean());
        Assert.True(views.Single(v => v.Id.ToString() == trial).Trial);
        Assert.False(views.Single(v => v.Id.ToString() == real).Trial);
    }

    private async Task<JsonElement> TryOutAsync()
    {
        var response = await _admin.PostAsJsonAsync("/api/cases", new { definitionId = "standard-licence", department = Department });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var trial = await response.Content.ReadFromJsonAsync<JsonElement>();
        await using var scope = _host.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().Cases.AnyAsync(c => c.Id == Guid.Parse(trial.Id()) && c.Trial));
        return trial;
    }

    private static async Task<List<string>> InboxAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/tasks?take=500")).EnumerateArray().Select(t => t.Id())];

    /// <summary>The day totals (folded), this year's report and the public monthly figures, as text.</summary>
    private async Task<string> FiguresAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DayTotalsFold>().RunAsync();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var totals = await db.DayTotals.AsNoTracking().OrderBy(t => t.Day).ThenBy(t => t.ItemCode).ThenBy(t => t.Window).ToListAsync();
        var year = _host.Clock.GetUtcNow().Year;
        var report = await _admin.GetStringAsync($"/api/statistics?from={year}-01-01&to={year}-12-31");
        var monthly = await _host.CreateClient().GetStringAsync("/api/public/statistics/monthly");
        return JsonSerializer.Serialize(totals) + "\n" + report + "\n" + monthly;
    }

    private async Task<ClaimsPrincipal> UserAsync(string userName)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        return new ClaimsPrincipal(new ClaimsIdentity(TokenService.For(user, await users.GetRolesAsync(user)), "test", "name", "role"));
    }
}
