using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests;

public sealed class JointApprovalTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();
    private HttpClient _window = null!;
    private HttpClient _market = null!;
    private HttpClient _housing = null!;

    public async Task InitializeAsync()
    {
        _window = await _host.LoginAsync("window1");
        _market = await _host.LoginAsync("handler1");
        _housing = await _host.LoginAsync("handler2");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TwoDepartmentsReviewInParallel_AndDecideWaitsForBoth()
    {
        var created = await _window.CreateCaseAsync("joint-approval");
        var opened = (await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted")).GetProperty("openedTasks");
        Assert.Equal(2, opened.GetArrayLength());

        var afterAccept = await _window.GetCaseAsync(created.Id());
        Assert.Equal(["review-housing", "review-market"], afterAccept.OpenActivities());

        var first = await _market.CompleteOkAsync(afterAccept.OpenTask("review-market"), "Pass");
        Assert.Empty(first.GetProperty("openedTasks").EnumerateArray());
        Assert.Equal(["review-housing"], (await _window.GetCaseAsync(created.Id())).OpenActivities());

        var second = await _housing.CompleteOkAsync(afterAccept.OpenTask("review-housing"), "Pass");
        var decide = second.GetProperty("openedTasks")[0];
        Assert.Equal("decide", decide.Str("activityId"));
        Assert.Equal("market-regulation", decide.Str("department"));

        var head = await _host.LoginAsync("head1");
        var certify = (await head.CompleteOkAsync(decide.Id(), "Grant")).GetProperty("openedTasks")[0];
        var done = await _window.CompleteOkAsync(certify.Id(), "Issued");
        Assert.Equal("Completed", done.Str("caseStatus"));
    }

    [Fact]
    public async Task TheCoReviewingDepartment_ReadsTheCase_ButOnlyTheLeadDepartmentMovesItsClocks()
    {
        var created = await _window.CreateCaseAsync("joint-approval");
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
        var pause = new { kind = "Inspection", reason = "现场核查" };

        Assert.Equal(["review-housing", "review-market"], (await _housing.GetCaseAsync(created.Id())).OpenActivities());
        Assert.Contains(created.Id(), (await _housing.GetFromJsonAsync<JsonElement>("/api/cases")).EnumerateArray().Select(c => c.Id()));
        Assert.Equal(HttpStatusCode.Forbidden, (await _housing.PostAsJsonAsync($"/api/cases/{created.Id()}/pauses", pause)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _market.PostAsJsonAsync($"/api/cases/{created.Id()}/pauses", pause)).StatusCode);
    }

    [Fact]
    public async Task ReturnInOneBranch_ClosesTheOtherBranch_AndGoesBackToAccept()
    {
        var created = await _window.CreateCaseAsync("joint-approval");
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
        var afterAccept = await _window.GetCaseAsync(created.Id());

        var back = await _market.CompleteOkAsync(afterAccept.OpenTask("review-market"), "Return", "缺少材料");

        Assert.Equal("accept", back.GetProperty("openedTasks")[0].Str("activityId"));
        Assert.Equal(["accept"], (await _window.GetCaseAsync(created.Id())).OpenActivities());
        var closed = await _housing.CompleteAsync(afterAccept.OpenTask("review-housing"), "Pass");
        Assert.Equal(System.Net.HttpStatusCode.Conflict, closed.StatusCode);

        // Accepting again starts both reviews afresh; the earlier housing pass does not count.
        await _window.CompleteOkAsync((await _window.GetCaseAsync(created.Id())).OpenTask("accept"), "Accepted");
        var again = await _window.GetCaseAsync(created.Id());
        Assert.Equal(["review-housing", "review-market"], again.OpenActivities());
        await _market.CompleteOkAsync(again.OpenTask("review-market"), "Pass");
        Assert.Equal(["review-housing"], (await _window.GetCaseAsync(created.Id())).OpenActivities());
    }

    [Fact]
    public async Task ParallelCompletionsOfBothBranches_OpenDecideExactlyOnce()
    {
        for (var round = 0; round < 3; round++)
        {
            var created = await _window.CreateCaseAsync("joint-approval");
            await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
            var c = await _window.GetCaseAsync(created.Id());

            await Task.WhenAll(
                _market.CompleteOkAsync(c.OpenTask("review-market"), "Pass"),
                _housing.CompleteOkAsync(c.OpenTask("review-housing"), "Pass"));

            Assert.Equal(["decide"], (await _window.GetCaseAsync(created.Id())).OpenActivities());
        }
    }

    [Fact]
    public async Task RejectInOneBranch_EndsTheCase_AndClosesEveryTask()
    {
        var created = await _window.CreateCaseAsync("joint-approval");
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
        var c = await _window.GetCaseAsync(created.Id());

        var rejected = await _housing.CompleteOkAsync(c.OpenTask("review-housing"), "Reject");

        Assert.Equal("Completed", rejected.Str("caseStatus"));
        Assert.Equal("Rejected", rejected.Str("caseResult"));
        Assert.Empty((await _window.GetCaseAsync(created.Id())).OpenActivities());
    }
}
