using Approval.Engine.Deadlines;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Deadlines;

/// <summary>
/// A 20/10 working-day test item accepted on Monday 2 March 2026: promised deadline 16 March,
/// statutory 30 March (counted by hand). Timers are run the way their job runs them.
/// </summary>
public sealed class DeadlineTimerTests : IAsyncLifetime
{
    // Quartz is off: its daily sweep would run as the fake clock passes 08:30 and record the warnings first.
    private readonly ApprovalHost _host = new(
        settings: new Dictionary<string, string?> { ["Auth:TokenLifetimeMinutes"] = "525600", ["Scheduling:Enabled"] = "false" },
        start: DateTimeOffset.Parse("2026-03-01T00:00:00+08:00"));

    private HttpClient _window = null!;
    private HttpClient _handler = null!;
    private HttpClient _head = null!;

    public async Task InitializeAsync()
    {
        At("2026-03-02");
        _window = await _host.LoginAsync("window1");
        _handler = await _host.LoginAsync("handler1");
        _head = await _host.LoginAsync("head1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ACase_ListsItsPendingTimers_WithTheirDueInstantsAndClockVersion()
    {
        var id = await AcceptedAsync();

        var timers = Clock(await _window.GetCaseAsync(id)).GetProperty("timers").EnumerateArray()
            .ToDictionary(t => t.Str("kind"), t => t.GetProperty("dueAt").GetDateTimeOffset());

        Assert.Equal(DateTimeOffset.Parse("2026-03-16T00:00:00+08:00"), timers["Yellow"]);
        Assert.Equal(DateTimeOffset.Parse("2026-03-17T00:00:00+08:00"), timers["Red"]);
        Assert.Equal(DateTimeOffset.Parse("2026-03-31T00:00:00+08:00"), timers["StatutoryBreach"]);
    }

    [Fact]
    public async Task AnItemsOwnWarningPercent_BringsItsYellowWarningForward()
    {
        var admin = await _host.LoginAsync("admin");
        var item = await admin.PostAsJsonAsync("/api/catalogue/items", new
        {
            code = "452624-XK-W50", name = "半程预警事项", itemType = "01", department = "market-regulation", departmentName = "市场监管局",
            statutoryLimit = 20, promisedLimit = 10, caseKind = "Promised", definitionId = "standard-licence", warningPercent = 50,
        });
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        await ApprovalHost.GrantToWindowsOfAsync(admin, "452624-XK-W50", "market-regulation");
        var created = await (await _window.PostAsJsonAsync("/api/cases", new { itemCode = "452624-XK-W50", applicant = new { name = "李四" } })).Content.ReadFromJsonAsync<JsonElement>();
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");

        var yellow = Clock(await _window.GetCaseAsync(created.Id())).GetProperty("timers").EnumerateArray().Single(t => t.Str("kind") == "Yellow");

        // Half of 10 working days from Monday 2 March is used at the start of the 6th, Tuesday 10 March.
        Assert.Equal(DateTimeOffset.Parse("2026-03-10T00:00:00+08:00"), yellow.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task ACase_CrossesYellowRedAndStatutoryBreach_InOrder_WithTheRightRecipients()
    {
        var id = await AcceptedAsync();
        var version = await VersionAsync(id);

        At("2026-03-13");
        Assert.Equal(TimerOutcome.NotDue, await FireAsync(id, TimerKind.Yellow, version));
        At("2026-03-16");
        Assert.Equal(TimerOutcome.Recorded, await FireAsync(id, TimerKind.Yellow, version));
        At("2026-03-17");
        Assert.Equal(TimerOutcome.Recorded, await FireAsync(id, TimerKind.Red, version));
        At("2026-03-31");
        Assert.Equal(TimerOutcome.Recorded, await FireAsync(id, TimerKind.StatutoryBreach, version));

        var supervisor = await _host.LoginAsync("supervisor1");
        var warnings = (await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/warnings")).EnumerateArray().Reverse().ToList();
        Assert.Equal(["Yellow", "Red", "StatutoryBreach"], warnings.Select(w => w.Str("kind")));
        Assert.Equal(["Yellow", "Red", "Severe"], warnings.Select(w => w.Str("severity")));
        Assert.Equal(["handler1"], Recipients(warnings[0]));
        Assert.Equal(["head1"], Recipients(warnings[1]));
        Assert.Equal(["head1", "supervisor1"], Recipients(warnings[2]).Order());
        Assert.Contains(await Titles(_handler), t => t.Contains("黄牌"));
        Assert.Contains(await Titles(_head), t => t.Contains("红牌"));
        Assert.Empty(Clock(await _window.GetCaseAsync(id)).GetProperty("timers").EnumerateArray());
    }

    // A job delivered twice (a retry, two nodes) must not warn twice.
    [Fact]
    public async Task ATimerRunTwice_RecordsOneWarning()
    {
        var id = await AcceptedAsync();
        var version = await VersionAsync(id);
        At("2026-03-16");

        var outcomes = await Task.WhenAll(FireAsync(id, TimerKind.Yellow, version), FireAsync(id, TimerKind.Yellow, version));

        Assert.Equal([TimerOutcome.Recorded, TimerOutcome.AlreadyRecorded], outcomes.Order());
        Assert.Single(await Titles(_handler));
    }

    [Fact]
    public async Task APause_MakesTheOldTimersStale_AndMovesTheNewOnes()
    {
        var id = await AcceptedAsync();
        var version = await VersionAsync(id);
        At("2026-03-04");
        var pause = await (await _handler.PostAsJsonAsync($"/api/cases/{id}/pauses", new { kind = "Inspection", reason = "现场核查" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(pause.GetProperty("timers").EnumerateArray());
        At("2026-03-06");
        var resumed = await (await _handler.PostAsJsonAsync($"/api/cases/{id}/pauses/{pause.GetProperty("pauses")[0].GetProperty("id").GetInt64()}/end", new { })).Content.ReadFromJsonAsync<JsonElement>();
        At("2026-03-16");

        Assert.Equal(TimerOutcome.Stale, await FireAsync(id, TimerKind.Yellow, version));
        var red = resumed.GetProperty("timers").EnumerateArray().Single(t => t.Str("kind") == "Red");
        Assert.Equal(DateTimeOffset.Parse("2026-03-19T00:00:00+08:00"), red.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(TimerOutcome.NotDue, await FireAsync(id, TimerKind.Red, red.GetProperty("clockVersion").GetInt32()));
    }

    [Fact]
    public async Task AnExtension_MakesTheOldTimersStale()
    {
        var id = await AcceptedAsync();
        var version = await VersionAsync(id);
        await _handler.PostAsJsonAsync($"/api/cases/{id}/extension", new { reason = "需专家论证" });
        await _head.PostAsJsonAsync($"/api/cases/{id}/extension/decision", new { approve = true });
        At("2026-03-17");

        Assert.Equal(TimerOutcome.Stale, await FireAsync(id, TimerKind.Red, version));
        Assert.Equal(TimerOutcome.NotDue, await FireAsync(id, TimerKind.Red, await VersionAsync(id)));
    }

    [Fact]
    public async Task CompletingACase_CancelsItsTimers()
    {
        var id = await AcceptedAsync();
        var version = await VersionAsync(id);
        var decide = (await _handler.CompleteOkAsync((await _window.GetCaseAsync(id)).OpenTask("review"), "Pass")).GetProperty("openedTasks")[0];
        await _head.CompleteOkAsync(decide.Id(), "Deny");
        At("2026-03-17");

        Assert.Empty(Clock(await _window.GetCaseAsync(id)).GetProperty("timers").EnumerateArray());
        Assert.Equal(TimerOutcome.Stale, await FireAsync(id, TimerKind.Red, version));
        Assert.Equal(TimerOutcome.NotDue, await FireAsync(id, TimerKind.Red, await VersionAsync(id)));
    }

    [Fact]
    public async Task TheSweep_RecordsWhatNoTimerDid_OnceOnly()
    {
        var id = await AcceptedAsync();
        At("2026-03-17");
        var supervisor = await _host.LoginAsync("supervisor1");

        var first = await supervisor.PostAsync("/api/supervision/sweep", null);
        var second = await supervisor.PostAsync("/api/supervision/sweep", null);

        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repaired").GetInt32());
        Assert.Equal(0, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repaired").GetInt32());
        var warnings = (await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/warnings")).EnumerateArray().ToList();
        Assert.All(warnings, w => Assert.True(w.GetProperty("repaired").GetBoolean()));
        Assert.Equal(["Red", "Yellow"], warnings.Select(w => w.Str("kind")).Order());
        Assert.Equal(Guid.Parse(id), warnings[0].GetProperty("caseId").GetGuid());
    }

    [Fact]
    public async Task Warnings_AreHandledByTheirDepartmentsHead_OrTheSupervisionOffice()
    {
        var id = await AcceptedAsync();
        At("2026-03-17");
        await FireAsync(id, TimerKind.Red, await VersionAsync(id));
        var otherHead = await _host.LoginAsync("head2");

        var mine = (await _head.GetFromJsonAsync<JsonElement>("/api/supervision/warnings")).EnumerateArray().Single();
        Assert.Empty((await otherHead.GetFromJsonAsync<JsonElement>("/api/supervision/warnings")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await _window.GetAsync("/api/supervision/warnings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherHead.PostAsJsonAsync($"/api/supervision/warnings/{mine.GetProperty("id")}/acknowledge", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _head.PostAsJsonAsync($"/api/supervision/warnings/{mine.GetProperty("id")}/acknowledge", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _head.PostAsJsonAsync($"/api/supervision/warnings/{mine.GetProperty("id")}/resolve", new { comment = "" })).StatusCode);

        var resolved = await _head.PostAsJsonAsync($"/api/supervision/warnings/{mine.GetProperty("id")}/resolve", new { comment = "已督促经办人当日办结" });

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var after = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Resolved", after.Str("status"));
        Assert.Equal("head1", after.Str("handledBy"));
    }

    [Fact]
    public async Task ARedCard_OpensAnEscalationTaskInTheHeadsInbox_WhichResolvesTheCardWhenCompleted()
    {
        var id = await AcceptedAsync();
        At("2026-03-17");
        await FireAsync(id, TimerKind.Red, await VersionAsync(id));

        var task = (await Inbox(_head)).Single(t => t.Str("kind") == "Escalation");
        Assert.Equal(id, task.Str("caseId"));
        Assert.Equal("Supervise", task.Str("activityType"));
        Assert.Equal("market-regulation", task.Str("department"));
        Assert.Equal(["Handled"], task.GetProperty("outcomes").EnumerateArray().Select(o => o.Str("name")));
        Assert.DoesNotContain(await Inbox(await _host.LoginAsync("head2")), t => t.Str("kind") == "Escalation");
        Assert.DoesNotContain(await Inbox(_handler), t => t.Str("kind") == "Escalation");
        Assert.Equal(HttpStatusCode.Forbidden, (await _handler.CompleteAsync(task.Id(), "Handled", "不是我的")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _head.CompleteAsync(task.Id(), "Pass", "审核通过")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _head.CompleteAsync(task.Id(), "Handled")).StatusCode);

        // The flow does not see it: the review is still the handler's to do.
        var before = await _window.GetCaseAsync(id);
        Assert.Equal(["review"], before.GetProperty("openTasks").EnumerateArray()
            .Where(t => t.Str("kind") == "Step").Select(t => t.Str("activityId")));

        var handled = await _head.CompleteOkAsync(task.Id(), "Handled", "已约谈经办人，今日办结");

        Assert.Equal("Completed", handled.GetProperty("task").Str("status"));
        var supervisor = await _host.LoginAsync("supervisor1");
        var red = (await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/warnings")).EnumerateArray().Single(w => w.Str("kind") == "Red");
        Assert.Equal("Resolved", red.Str("status"));
        Assert.Equal("已约谈经办人，今日办结", red.Str("comment"));
        Assert.Equal("head1", red.Str("handledBy"));
        Assert.Equal(task.Id(), red.Str("escalationTaskId"));
        Assert.Equal(HttpStatusCode.Conflict, (await _head.CompleteAsync(task.Id(), "Handled", "再次")).StatusCode);
        Assert.DoesNotContain(await Inbox(_head), t => t.Str("kind") == "Escalation");
        Assert.Equal("Decide", (await _handler.CompleteOkAsync(before.OpenTask("review"), "Pass")).GetProperty("openedTasks")[0].Str("activityType"));
    }

    [Fact]
    public async Task ARedCardsTask_OutlivesTheCase_UntilTheCardIsResolvedInTheSupervisionView()
    {
        var id = await AcceptedAsync();
        At("2026-03-17");
        await FireAsync(id, TimerKind.Red, await VersionAsync(id));
        var review = (await _window.GetCaseAsync(id)).OpenTask("review");
        var decide = (await _handler.CompleteOkAsync(review, "Pass")).GetProperty("openedTasks")[0].Id();
        var certify = (await _head.CompleteOkAsync(decide, "Grant")).GetProperty("openedTasks")[0].Id();
        Assert.Equal("Completed", (await _window.CompleteOkAsync(certify, "Issued")).Str("caseStatus"));

        // Finishing late does not undo the lateness: the head still owes an account of it.
        var task = (await Inbox(_head)).Single(t => t.Str("kind") == "Escalation");
        Assert.Equal(id, task.Str("caseId"));
        var red = (await _head.GetFromJsonAsync<JsonElement>("/api/supervision/warnings")).EnumerateArray().Single(w => w.Str("kind") == "Red");

        var resolved = await _head.PostAsJsonAsync($"/api/supervision/warnings/{red.GetProperty("id")}/resolve", new { comment = "已说明超时原因" });

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.DoesNotContain(await Inbox(_head), t => t.Str("kind") == "Escalation");
        Assert.Equal(HttpStatusCode.Conflict, (await _head.CompleteAsync(task.Id(), "Handled", "再次")).StatusCode);
    }

    [Fact]
    public async Task OverdueCases_AreListedByHowLate_WithAStoppedClocksDeadlineMoved()
    {
        var late = await AcceptedAsync();
        var stopped = await AcceptedAsync();
        At("2026-03-10");
        var pause = await _handler.PostAsJsonAsync($"/api/cases/{stopped}/pauses", new { kind = "Inspection", reason = "现场核查" });
        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        At("2026-03-18");
        var supervisor = await _host.LoginAsync("supervisor1");

        var overdue = (await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/overdue")).EnumerateArray().ToList();

        // Promised deadline Monday 16 March; Tuesday 17 and Wednesday 18 are two working days over.
        var one = Assert.Single(overdue);
        Assert.Equal(late, one.Str("caseId"));
        Assert.Equal("2026-03-16", one.Str("promisedDeadline"));
        Assert.Equal(2, one.GetProperty("workingDaysOverPromised").GetInt32());
        Assert.False(one.GetProperty("statutoryBreached").GetBoolean());
        Assert.Empty((await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/overdue?statutory=true")).EnumerateArray());
        Assert.Single((await _head.GetFromJsonAsync<JsonElement>("/api/supervision/overdue")).EnumerateArray());
        Assert.Empty((await (await _host.LoginAsync("head2")).GetFromJsonAsync<JsonElement>("/api/supervision/overdue?department=market-regulation")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await _handler.GetAsync("/api/supervision/overdue")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/supervision/overdue?take=0")).StatusCode);

        At("2026-03-31");
        var breached = (await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/overdue?statutory=true")).EnumerateArray().ToList();
        Assert.Equal([late], breached.Select(c => c.Str("caseId")));
        Assert.True(breached[0].GetProperty("statutoryBreached").GetBoolean());
    }

    [Fact]
    public async Task Escalations_ListWhatWentBeyondTheHandler()
    {
        var id = await AcceptedAsync();
        var version = await VersionAsync(id);
        At("2026-03-16");
        await FireAsync(id, TimerKind.Yellow, version);
        At("2026-03-17");
        await FireAsync(id, TimerKind.Red, version);
        var supervisor = await _host.LoginAsync("supervisor1");

        var escalations = (await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/escalations")).EnumerateArray().ToList();

        Assert.Equal(["Red"], escalations.Select(w => w.Str("kind")));
        Assert.Equal(["Yellow"], (await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/warnings?kind=Yellow")).EnumerateArray().Select(w => w.Str("kind")));

        // The red card was recorded at 09:00 China time on 17 March; a period given in China time finds it.
        var morning = $"from={Uri.EscapeDataString("2026-03-17T08:30:00+08:00")}&to={Uri.EscapeDataString("2026-03-17T09:30:00+08:00")}";
        Assert.Equal(["Red"], (await supervisor.GetFromJsonAsync<JsonElement>($"/api/supervision/warnings?{morning}")).EnumerateArray().Select(w => w.Str("kind")));
        Assert.Equal(["Red"], (await supervisor.GetFromJsonAsync<JsonElement>($"/api/supervision/escalations?{morning}")).EnumerateArray().Select(w => w.Str("kind")));
        var before = $"to={Uri.EscapeDataString("2026-03-17T08:30:00+08:00")}";
        Assert.Equal(["Yellow"], (await supervisor.GetFromJsonAsync<JsonElement>($"/api/supervision/warnings?{before}")).EnumerateArray().Select(w => w.Str("kind")));
    }

    [Fact]
    public async Task Notifications_AreListedPerUser_AndMarkedRead()
    {
        var id = await AcceptedAsync();
        At("2026-03-16");
        await FireAsync(id, TimerKind.Yellow, await VersionAsync(id));
        var unread = await _handler.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true");
        var note = unread.EnumerateArray().Single();

        Assert.Equal(HttpStatusCode.NotFound, (await _head.PostAsync($"/api/notifications/{note.GetProperty("id")}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _handler.PostAsync($"/api/notifications/{note.GetProperty("id")}/read", null)).StatusCode);

        Assert.Empty((await _handler.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true")).EnumerateArray());
        Assert.Single((await _handler.GetFromJsonAsync<JsonElement>("/api/notifications")).EnumerateArray());
    }

    [Fact]
    public async Task AnOverdueStep_RunsTheEscalationItsFlowWires_AndItsTaskStaysOpen()
    {
        var admin = await _host.LoginAsync("admin");
        var flow = DefinitionsApiTests.StandardLicence();
        flow["definitionId"] = "escalating";
        flow["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "review")!["properties"]!["limitDays"] = 3;
        flow["activities"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""{ "id": "escalate", "type": "Escalate", "properties": { "to": "SupervisionOffice", "severity": "Severe" } }"""));
        flow["connections"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""{ "from": "review", "outcome": "Overdue", "to": "escalate" }"""));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/definitions", flow)).StatusCode);
        var published = await admin.PostAsync("/api/definitions/escalating/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        var created = await _window.CreateCaseAsync("escalating");
        var review = (await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];
        Assert.Equal("2026-03-05", review.Str("dueOn"));
        Assert.Equal(HttpStatusCode.BadRequest, (await _handler.CompleteAsync(review.Id(), "Overdue")).StatusCode);
        At("2026-03-06");

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<DeadlineTimers>()
                .FireAsync(Guid.Parse(created.Id()), TimerKind.StepOverdue, Guid.Parse(review.Id()), await VersionAsync(created.Id()), default);
            Assert.Equal(TimerOutcome.Recorded, outcome);
        }

        var supervisor = await _host.LoginAsync("supervisor1");
        var warnings = (await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/warnings")).EnumerateArray().ToList();
        var escalation = warnings.Single(w => w.Str("kind") == "Escalation");
        Assert.Equal("Severe", escalation.Str("severity"));
        Assert.Equal(["supervisor1"], Recipients(escalation));
        Assert.Contains(warnings, w => w.Str("kind") == "StepOverdue");
        var after = await _window.GetCaseAsync(created.Id());
        Assert.Equal(review.Id(), after.OpenTask("review"));
        Assert.Contains(after.GetProperty("history").EnumerateArray(), h => h.Str("activityId") == "escalate" && h.Str("outcome") == "Escalated");
        await _handler.CompleteOkAsync(review.Id(), "Pass");
    }

    private static async Task<List<JsonElement>> Inbox(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray()];

    private async Task<string> AcceptedAsync()
    {
        var created = await _window.CreateCaseAsync();
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
        return created.Id();
    }

    private async Task<int> VersionAsync(string id) => Clock(await _window.GetCaseAsync(id)).GetProperty("clockVersion").GetInt32();

    private async Task<TimerOutcome> FireAsync(string id, TimerKind kind, int version)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineTimers>().FireAsync(Guid.Parse(id), kind, null, version, default);
    }

    private static async Task<List<string>> Titles(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/notifications")).EnumerateArray().Select(n => n.Str("title"))];

    private static string[] Recipients(JsonElement warning) => [.. warning.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()!)];

    private void At(string day) => _host.Clock.SetUtcNow(DateTimeOffset.Parse($"{day}T09:00:00+08:00"));

    private static JsonElement Clock(JsonElement @case) => @case.GetProperty("clock");
}
