using System.Net;
using System.Net.Http.Json;

namespace Approval.Engine.Tests.Windows;

/// <summary>instant-item.json with the sample hall: settled on the spot in one visit, or referred to the department.</summary>
public sealed class WindowAuthorizationFlowTests(SampleHallHost hall) : IClassFixture<SampleHallHost>
{
    private const string SoleTrader = "452624-XK-SCJG-003";   // instant, market-regulation: W01 decides it on the spot
    private const string CareHomeFiling = "452624-QT-MZ-001"; // instant, civil-affairs: W01 accepts only, W07 decides on the spot

    private ApprovalHost Host => hall.Host;

    [Fact]
    public async Task AnInstantItem_WithCompleteMaterials_AtAWindowWithTheGrant_CompletesOnTheSpot_InOneVisit()
    {
        var window = await Host.LoginAsync("window1");
        var filed = await window.FileOkAsync(SoleTrader);

        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var accepted = await window.CompleteOkAsync(filed.OpenTask("accept"), "Accepted", "材料齐全");
        var decide = accepted.GetProperty("openedTasks")[0];
        Assert.Equal("decide-at-window", decide.Str("activityId"));
        Assert.Equal("WindowStaff", decide.Str("role"));

        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var certify = (await window.CompleteOkAsync(decide.Id(), "Grant", "当场准予")).GetProperty("openedTasks")[0];
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var done = await window.CompleteOkAsync(certify.Id(), "Issued", "当场发放营业执照");
        Assert.Equal("Completed", done.Str("caseStatus"));
        Assert.Equal("Approved", done.Str("caseResult"));

        var @case = await window.GetCaseAsync(filed.Id());
        var authorize = @case.Step("authorize");
        Assert.Equal("OnTheSpot", authorize.Str("outcome"));
        Assert.Contains("W01", authorize.Str("comment"));
        Assert.Contains("材料齐全", authorize.Str("comment"));

        // One visit: every step at the window, by the one clerk, nothing sent to the department.
        Assert.Equal(
            ["start", "accept", "authorize", "decide-at-window", "certify", "end-approved"],
            @case.GetProperty("history").EnumerateArray().Select(h => h.Str("activityId")));
        Assert.All(@case.GetProperty("history").EnumerateArray().Where(h => h.TryGetProperty("actor", out _)),
            h => Assert.Equal("window1", h.Str("actor")));

        // Accepted and completed on the same day, the instant item's promise.
        var clock = @case.GetProperty("clock");
        Assert.Equal("2026-03-02", clock.Str("acceptedOn"));
        Assert.Equal("2026-03-02", clock.Str("promisedDeadline"));
        Assert.Equal("2026-03-02", clock.Str("decidedOn"));
        var completedAt = @case.GetProperty("completedAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(new DateOnly(2026, 3, 2), DateOnly.FromDateTime(completedAt.DateTime));
    }

    [Fact]
    public async Task MissingMaterials_ReferTheApplication_ToTheDepartment_WithAReplyLimit()
    {
        var window = await Host.LoginAsync("window1");
        var filed = await window.FileOkAsync(SoleTrader, "经营者居民身份证");

        var accepted = await window.CompleteOkAsync(filed.OpenTask("accept"), "Accepted");

        var review = accepted.GetProperty("openedTasks")[0];
        Assert.Equal("review", review.Str("activityId"));
        Assert.Equal("market-regulation", review.Str("department"));
        var @case = await window.GetCaseAsync(filed.Id());
        var authorize = @case.Step("authorize");
        Assert.Equal("Referred", authorize.Str("outcome"));
        Assert.Contains("缺经营者居民身份证", authorize.Str("comment"));
        Assert.Contains("窗口集中受理、部门科室主办、限时回复结果", authorize.Str("comment"));

        // The acceptance day was the promise of an on-the-spot decision; referred, the department
        // replies within 70% of the statutory 3 working days: 2, by Wednesday.
        var clock = @case.GetProperty("clock");
        Assert.Equal(2, clock.GetProperty("promisedLimit").GetInt32());
        Assert.Equal("2026-03-04", clock.Str("promisedDeadline"));
        Assert.Contains(clock.GetProperty("events").EnumerateArray(), e => e.Str("kind") == "Referred");

        // The department's reply completes it: review, decision, and the window hands over the certificate.
        var decide = (await (await Host.LoginAsync("handler1")).CompleteOkAsync(review.Id(), "Pass")).GetProperty("openedTasks")[0];
        var certify = (await (await Host.LoginAsync("head1")).CompleteOkAsync(decide.Id(), "Grant")).GetProperty("openedTasks")[0];
        Assert.Equal("Approved", (await window.CompleteOkAsync(certify.Id(), "Issued")).Str("caseResult"));
    }

    [Fact]
    public async Task AWindowWithoutTheOnTheSpotGrant_RefersTheApplication_WhileOneWithItSettlesIt()
    {
        var withoutGrant = await Host.LoginAsync("window1"); // W01's head holds only middle-level deputy authority in civil affairs
        var withGrant = await Host.LoginAsync("window7");

        var referred = await withoutGrant.FileOkAsync(CareHomeFiling);
        var referredNext = (await withoutGrant.CompleteOkAsync(referred.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];
        var settled = await withGrant.FileOkAsync(CareHomeFiling);
        var settledNext = (await withGrant.CompleteOkAsync(settled.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];

        Assert.Equal("review", referredNext.Str("activityId"));
        Assert.Equal("civil-affairs", referredNext.Str("department"));
        Assert.Contains("W01 窗口未获本事项当场办结授权", (await withoutGrant.GetCaseAsync(referred.Id())).Step("authorize").Str("comment"));
        Assert.Equal("decide-at-window", settledNext.Str("activityId"));
        Assert.Equal("OnTheSpot", (await withGrant.GetCaseAsync(settled.Id())).Step("authorize").Str("outcome"));
    }

    [Fact]
    public async Task OnlyAWindowHoldingTheOnTheSpotGrant_MayDecide_AndARefusalLeavesTheTaskOpen()
    {
        var admin = await Host.LoginAsync("admin");
        var window = await Host.LoginAsync("window1");
        var filed = await window.FileOkAsync(SoleTrader);
        var decide = (await window.CompleteOkAsync(filed.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];

        // The centre takes the on-the-spot grant back while the applicant is still at the counter.
        var acceptOnly = await admin.PutAsJsonAsync($"/api/windows/W01/grants/{SoleTrader}", new { mayAccept = true, mayDecideOnTheSpot = false });
        Assert.Equal(HttpStatusCode.OK, acceptOnly.StatusCode);
        try
        {
            var refused = await window.CompleteAsync(decide.Id(), "Grant");

            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("on the spot", await refused.Content.ReadAsStringAsync());
            Assert.Equal(["decide-at-window"], (await window.GetCaseAsync(filed.Id())).OpenActivities());
        }
        finally
        {
            var restored = await admin.PutAsJsonAsync($"/api/windows/W01/grants/{SoleTrader}", new { mayAccept = true, mayDecideOnTheSpot = true });
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }

        await window.CompleteOkAsync(decide.Id(), "Grant");
    }
}
