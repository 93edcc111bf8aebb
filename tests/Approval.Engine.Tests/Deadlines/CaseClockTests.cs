using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests.Deadlines;

/// <summary>
/// A test item of 20 statutory and 10 promised working days, moved through 2026 with a fake clock.
/// Expected dates are counted by hand from the State Council's 2026 arrangement.
/// </summary>
public sealed class CaseClockTests : IAsyncLifetime
{
    // Logins last a year here: the fake clock travels weeks within a test. Quartz is off: its daily
    // sweep would run as the clock passes 08:30 and record warnings before the test does.
    private readonly ApprovalHost _host = new(
        settings: new Dictionary<string, string?> { ["Auth:TokenLifetimeMinutes"] = "525600", ["Scheduling:Enabled"] = "false" },
        start: DateTimeOffset.Parse("2026-02-01T00:00:00+08:00"));
    private HttpClient _window = null!;
    private HttpClient _handler = null!;
    private HttpClient _head = null!;

    public async Task InitializeAsync()
    {
        At("2026-02-09");
        _window = await _host.LoginAsync("window1");
        _handler = await _host.LoginAsync("handler1");
        _head = await _host.LoginAsync("head1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Acceptance_StartsBothClocks_ThroughTheSpringFestivalAndItsMakeUpSaturdays()
    {
        var created = await _window.CreateCaseAsync();
        Assert.Equal("2026-02-09", Clock(created).Str("receivedOn"));
        Assert.False(Clock(created).TryGetProperty("promisedDeadline", out _));

        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");

        var clock = Clock(await _window.GetCaseAsync(created.Id()));
        Assert.Equal("2026-02-09", clock.Str("acceptedOn"));
        Assert.Equal("2026-02-28", clock.Str("promisedDeadline"));
        Assert.Equal("2026-03-13", clock.Str("statutoryDeadline"));
        Assert.False(clock.GetProperty("provisional").GetBoolean());
        Assert.Equal(0, clock.GetProperty("workingDaysUsed").GetInt32());
        Assert.Equal(10, clock.GetProperty("workingDaysLeft").GetInt32());

        At("2026-02-24");
        clock = Clock(await _window.GetCaseAsync(created.Id()));
        Assert.Equal(6, clock.GetProperty("workingDaysUsed").GetInt32());
        Assert.Equal(4, clock.GetProperty("workingDaysLeft").GetInt32());
    }

    [Fact]
    public async Task NoCorrectionNoticeWithinFiveWorkingDays_MeansAcceptedOnReceipt()
    {
        At("2026-03-02");
        var created = await _window.CreateCaseAsync();
        At("2026-03-10");

        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");

        var clock = Clock(await _window.GetCaseAsync(created.Id()));
        Assert.Equal("2026-03-09", clock.Str("correctionNoticeDue"));
        Assert.Equal("2026-03-02", clock.Str("acceptedOn"));
        Assert.True(clock.GetProperty("deemedAccepted").GetBoolean());
        Assert.Equal("2026-03-16", clock.Str("promisedDeadline"));
    }

    [Fact]
    public async Task ATimelyCorrectionNotice_StartsTheClocksOnlyWhenTheMaterialsAreComplete()
    {
        At("2026-03-02");
        var created = await _window.CreateCaseAsync();
        At("2026-03-09");
        var again = (await _window.CompleteOkAsync(created.OpenTask("accept"), "NeedsCorrection", "缺营业执照复印件")).GetProperty("openedTasks")[0];
        At("2026-03-12");

        await _window.CompleteOkAsync(again.Id(), "Accepted");

        var clock = Clock(await _window.GetCaseAsync(created.Id()));
        Assert.Equal("2026-03-09", clock.Str("correctionNoticeOn"));
        Assert.Equal("2026-03-12", clock.Str("acceptedOn"));
        Assert.False(clock.GetProperty("deemedAccepted").GetBoolean());
    }

    [Fact]
    public async Task ASpecialProcedure_PausesBothClocks_ByItsWorkingDays()
    {
        var id = await AcceptedOnAsync("2026-03-02");
        At("2026-03-04");
        var paused = await _handler.PostAsJsonAsync($"/api/cases/{id}/pauses", new { kind = "Inspection", reason = "现场核查" });
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var pauseId = (await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pauses")[0].GetProperty("id").GetInt64();
        At("2026-03-06");

        var resumed = await _handler.PostAsJsonAsync($"/api/cases/{id}/pauses/{pauseId}/end", new { });

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var clock = await resumed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-03-18", clock.Str("promisedDeadline"));
        Assert.Equal("2026-04-01", clock.Str("statutoryDeadline"));
        Assert.Equal(["Accepted", "Paused", "Resumed"], clock.GetProperty("events").EnumerateArray().Select(e => e.Str("kind")));
    }

    [Fact]
    public async Task AnExtension_ApprovedByTheHead_AddsTenWorkingDaysToBoth_OnceOnly()
    {
        var id = await AcceptedOnAsync("2026-03-02");
        Assert.Equal(HttpStatusCode.OK, (await _handler.PostAsJsonAsync($"/api/cases/{id}/extension", new { reason = "需征求相关部门意见" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _handler.PostAsJsonAsync($"/api/cases/{id}/extension/decision", new { approve = true })).StatusCode);

        var decided = await _head.PostAsJsonAsync($"/api/cases/{id}/extension/decision", new { approve = true, comment = "同意" });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var clock = await decided.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-03-30", clock.Str("promisedDeadline"));
        Assert.Equal("2026-04-14", clock.Str("statutoryDeadline"));
        Assert.Equal("Approved", clock.GetProperty("extension").Str("state"));
        Assert.Equal(HttpStatusCode.Conflict, (await _handler.PostAsJsonAsync($"/api/cases/{id}/extension", new { reason = "再次延期" })).StatusCode);
    }

    [Fact]
    public async Task AMajorInvestmentProject_GetsHalfThePromisedLimit()
    {
        At("2026-03-02");
        var item = await _host.ItemForAsync("standard-licence");
        var response = await _window.PostAsJsonAsync("/api/cases", new { itemCode = item, majorProject = true, applicant = new { name = "李四" } });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();

        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");

        var clock = Clock(await _window.GetCaseAsync(created.Id()));
        Assert.Equal(5, clock.GetProperty("promisedLimit").GetInt32());
        Assert.Equal("2026-03-09", clock.Str("promisedDeadline"));
        Assert.Equal("2026-03-30", clock.Str("statutoryDeadline"));
    }

    [Fact]
    public async Task AGrant_MakesTheCertificateDueWithinTenWorkingDays()
    {
        var id = await AcceptedOnAsync("2026-03-02");
        var @case = await _window.GetCaseAsync(id);
        var decide = (await _handler.CompleteOkAsync(@case.OpenTask("review"), "Pass")).GetProperty("openedTasks")[0];
        At("2026-03-05");

        await _head.CompleteOkAsync(decide.Id(), "Grant");

        var clock = Clock(await _window.GetCaseAsync(id));
        Assert.Equal("2026-03-05", clock.Str("decidedOn"));
        Assert.Equal("2026-03-19", clock.Str("certificateDue"));
    }

    [Fact]
    public async Task PausesAndExtensions_AreForTheCasesOwnDepartment()
    {
        var id = await AcceptedOnAsync("2026-03-02");
        var other = await _host.LoginAsync("handler2");

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/cases/{id}/pauses", new { kind = "Testing", reason = "检测" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _window.PostAsJsonAsync($"/api/cases/{id}/pauses", new { kind = "Testing", reason = "检测" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _handler.PostAsJsonAsync($"/api/cases/{id}/pauses", new { kind = "Testing", reason = "" })).StatusCode);
        Assert.Empty(Clock(await _window.GetCaseAsync(id)).GetProperty("pauses").EnumerateArray());
    }

    [Fact]
    public async Task ARefusalToMoveTheClocks_SaysWhoMay()
    {
        var id = await AcceptedOnAsync("2026-03-02");
        Assert.Equal(HttpStatusCode.OK, (await _handler.PostAsJsonAsync($"/api/cases/{id}/extension", new { reason = "需征求相关部门意见" })).StatusCode);

        var byClerk = await _window.PostAsJsonAsync($"/api/cases/{id}/pauses", new { kind = "Testing", reason = "检测" });
        var byHandler = await _handler.PostAsJsonAsync($"/api/cases/{id}/extension/decision", new { approve = true });

        Assert.Equal("You may not move the clocks of any case: that is for the roles DepartmentHandler, DepartmentHead.", await DetailAsync(byClerk));
        Assert.Equal("You may not decide the extension of any case: that is for the role DepartmentHead.", await DetailAsync(byHandler));
        Assert.Equal("Requested", Clock(await _window.GetCaseAsync(id)).GetProperty("extension").Str("state"));
    }

    [Fact]
    public async Task ADeadlineIntoAYearWithoutData_IsProvisional_AndIsRecomputedWhenTheYearArrives()
    {
        var id = await AcceptedOnAsync("2026-12-18");
        var before = Clock(await _window.GetCaseAsync(id));
        Assert.True(before.GetProperty("provisional").GetBoolean());
        Assert.Equal("2027-01-01", before.Str("promisedDeadline"));
        Assert.Equal("2027-01-15", before.Str("statutoryDeadline"));

        var admin = await _host.LoginAsync("admin");
        var year = await admin.PutAsJsonAsync("/api/calendar/2027", new
        {
            year = 2027,
            source = "测试用 2027 年安排",
            holidays = new[] { new { name = "元旦", from = "2027-01-01", to = "2027-01-01", makeUpWorkdays = Array.Empty<string>() } },
        });
        Assert.True(year.IsSuccessStatusCode, await year.Content.ReadAsStringAsync());

        var after = Clock(await _window.GetCaseAsync(id));
        Assert.False(after.GetProperty("provisional").GetBoolean());
        Assert.Equal("2027-01-04", after.Str("promisedDeadline"));
        Assert.Equal("2027-01-18", after.Str("statutoryDeadline"));
        var recorded = after.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("Recomputed", recorded.Str("kind"));
        Assert.Contains("2027-01-01", recorded.Str("detail"));
    }

    [Fact]
    public async Task AStepWithItsOwnLimit_ShowsWhenItIsDue()
    {
        var admin = await _host.LoginAsync("admin");
        var flow = DefinitionsApiTests.StandardLicence();
        flow["definitionId"] = "with-step-limit";
        flow["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "review")!["properties"]!["limitDays"] = 3;
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/definitions", flow)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/definitions/with-step-limit/publish", null)).StatusCode);
        At("2026-04-02");
        var created = await _window.CreateCaseAsync("with-step-limit");

        var review = (await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];

        // Thursday 2 April: Friday 3rd, then Qingming (4-6 April), then Tuesday 7th and Wednesday 8th.
        Assert.Equal("2026-04-08", review.Str("dueOn"));
        Assert.False(created.GetProperty("openTasks")[0].TryGetProperty("dueOn", out _));
    }

    private async Task<string> AcceptedOnAsync(string day)
    {
        At(day);
        var created = await _window.CreateCaseAsync();
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
        return created.Id();
    }

    // 09:00 in China on that day.
    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("detail");
    }

    private void At(string day) => _host.Clock.SetUtcNow(DateTimeOffset.Parse($"{day}T09:00:00+08:00"));

    private static JsonElement Clock(JsonElement @case) => @case.GetProperty("clock");
}
