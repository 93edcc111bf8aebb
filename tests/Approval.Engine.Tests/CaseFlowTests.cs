using System.Net;

namespace Approval.Engine.Tests;

public sealed class CaseFlowTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();
    private HttpClient _window = null!;
    private HttpClient _handler = null!;
    private HttpClient _head = null!;

    public async Task InitializeAsync()
    {
        _window = await _host.LoginAsync("window1");
        _handler = await _host.LoginAsync("handler1");
        _head = await _host.LoginAsync("head1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StandardLicence_RunsAcceptReviewDecideCertify_ByThreeUsers()
    {
        var created = await _window.CreateCaseAsync();
        var caseId = created.Id();
        Assert.Equal("Running", created.Str("status"));
        Assert.Equal(["accept"], created.OpenActivities());

        _host.Clock.Advance(TimeSpan.FromHours(1));
        var review = (await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted", "材料齐全")).GetProperty("openedTasks")[0];
        Assert.Equal("review", review.Str("activityId"));
        Assert.Equal("market-regulation", review.Str("department"));

        var decide = (await _handler.CompleteOkAsync(review.Id(), "Pass", "符合条件")).GetProperty("openedTasks")[0];
        var certify = (await _head.CompleteOkAsync(decide.Id(), "Grant")).GetProperty("openedTasks")[0];
        var last = await _window.CompleteOkAsync(certify.Id(), "Issued");
        Assert.Equal("Completed", last.Str("caseStatus"));
        Assert.Equal("Approved", last.Str("caseResult"));

        var done = await _handler.GetCaseAsync(caseId);
        Assert.Equal("Completed", done.Str("status"));
        Assert.Empty(done.GetProperty("openTasks").EnumerateArray());
        var history = done.GetProperty("history").EnumerateArray()
            .Select(h => $"{h.Str("activityId")}:{h.Str("outcome")}:{(h.TryGetProperty("actor", out var a) ? a.GetString() : "")}")
            .ToArray();
        Assert.Equal(
            ["start:Done:", "accept:Accepted:window1", "review:Pass:handler1", "decide:Grant:head1", "certify:Issued:window1", "end-approved:Approved:"],
            history);
        var accepted = done.GetProperty("history")[1];
        Assert.Equal("材料齐全", accepted.Str("comment"));
        // Stored times keep a tenth of a millisecond.
        Assert.Equal(_host.Clock.GetUtcNow(), accepted.GetProperty("at").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task ReviewReturn_LoopsBackToAccept()
    {
        var created = await _window.CreateCaseAsync();
        var review = (await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];
        var back = (await _handler.CompleteOkAsync(review.Id(), "Return", "缺营业执照副本")).GetProperty("openedTasks")[0];
        Assert.Equal("accept", back.Str("activityId"));

        var again = await _window.GetCaseAsync(created.Id());
        Assert.Equal("Running", again.Str("status"));
        Assert.Equal(["accept"], again.OpenActivities());
        var review2 = (await _window.CompleteOkAsync(back.Id(), "Accepted")).GetProperty("openedTasks")[0];
        Assert.Equal("review", review2.Str("activityId"));
        Assert.NotEqual(review.Id(), review2.Id());
    }

    [Fact]
    public async Task AcceptRefused_EndsTheCase()
    {
        var created = await _window.CreateCaseAsync();
        var result = await _window.CompleteOkAsync(created.OpenTask("accept"), "Refused", "不属于本机关职权范围");
        Assert.Equal("Completed", result.Str("caseStatus"));
        Assert.Equal("Refused", result.Str("caseResult"));
        Assert.Empty(result.GetProperty("openedTasks").EnumerateArray());
    }

    [Fact]
    public async Task Complete_IsForbidden_ForAUserWithoutTheRole_AndTheTaskStaysOpen()
    {
        var created = await _window.CreateCaseAsync();
        var accept = created.OpenTask("accept");

        var response = await _handler.CompleteAsync(accept, "Accepted");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await _window.GetCaseAsync(created.Id());
        Assert.Equal(accept, after.OpenTask("accept"));
        Assert.Single(after.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task Complete_IsNotFound_ForTheRightRoleInAnotherDepartment()
    {
        var created = await _window.CreateCaseAsync();
        var review = (await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];
        var otherDepartment = await _host.LoginAsync("handler2");

        // Another department's case does not exist for it, nor do its tasks.
        Assert.Equal(HttpStatusCode.NotFound, (await otherDepartment.CompleteAsync(review.Id(), "Pass")).StatusCode);
        Assert.DoesNotContain(review.Id(), await InboxAsync(otherDepartment));
        Assert.Contains(review.Id(), await InboxAsync(_handler));
    }

    [Fact]
    public async Task Complete_ReturnsBadRequest_ForAnOutcomeTheStepDoesNotDeclare()
    {
        var created = await _window.CreateCaseAsync();
        var response = await _window.CompleteAsync(created.OpenTask("accept"), "Grant");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Accepted", await response.Content.ReadAsStringAsync());
        Assert.Equal(["accept"], (await _window.GetCaseAsync(created.Id())).OpenActivities());
    }

    [Fact]
    public async Task Complete_ReturnsConflict_WhenTaskAlreadyCompleted()
    {
        var created = await _window.CreateCaseAsync();
        var accept = created.OpenTask("accept");
        await _window.CompleteOkAsync(accept, "Accepted");

        var second = await _window.CompleteAsync(accept, "Refused");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(["review"], (await _window.GetCaseAsync(created.Id())).OpenActivities());
    }

    // Two clerks clicking at once must not both move the case: exactly one wins, the other learns so.
    [Fact]
    public async Task ConcurrentCompletions_OfOneTask_GiveOne200AndOne409()
    {
        var otherClerk = await _host.LoginAsync("window1");
        for (var round = 0; round < 5; round++)
        {
            var created = await _window.CreateCaseAsync();
            var accept = created.OpenTask("accept");

            var responses = await Task.WhenAll(_window.CompleteAsync(accept, "Accepted"), otherClerk.CompleteAsync(accept, "Refused"));

            Assert.Equal(
                [HttpStatusCode.OK, HttpStatusCode.Conflict],
                responses.Select(r => r.StatusCode).Order().ToArray());
            var after = await _window.GetCaseAsync(created.Id());
            Assert.Single(after.GetProperty("history").EnumerateArray(), h => h.Str("activityId") == "accept");
        }
    }

    [Fact]
    public async Task Complete_ReturnsNotFound_ForAnUnknownTask()
    {
        var response = await _window.CompleteAsync(Guid.NewGuid().ToString(), "Accepted");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Inbox_ListsOnlyTasksForTheCallersRoleAndDepartment()
    {
        var created = await _window.CreateCaseAsync();
        Assert.Contains(created.OpenTask("accept"), await InboxAsync(_window));
        Assert.DoesNotContain(created.OpenTask("accept"), await InboxAsync(_handler));
        Assert.DoesNotContain(created.OpenTask("accept"), await InboxAsync(_head));
    }

    [Fact]
    public async Task Applicant_SeesOwnCaseOnly()
    {
        var applicant = await _host.LoginAsync("applicant1");
        var own = await applicant.CreateCaseAsync();
        var other = await _window.CreateCaseAsync();

        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/api/cases/{own.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/api/cases/{other.Id()}")).StatusCode);
    }

    private static async Task<string[]> InboxAsync(HttpClient client) =>
        [.. (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(client, "/api/tasks"))
            .EnumerateArray().Select(t => t.Id())];
}
