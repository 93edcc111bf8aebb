using Approval.Engine.Deadlines;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Supervision;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Audit;

/// <summary>Each kind of business event leaves one entry naming who, what, which resource and from where.</summary>
public sealed class AuditEventsTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = AuditHost.Create();
    private HttpClient _supervisor = null!;

    public async Task InitializeAsync() => _supervisor = await _host.LoginAsync("supervisor1");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Logins_AreRecorded_Succeeded_Failed_AndLockedOut_ThroughTheApiAndTheBrowserForm()
    {
        await _host.LoginAsync("admin", withAgent: false);
        var anonymous = _host.CreateClient();
        anonymous.DefaultRequestHeaders.UserAgent.ParseAdd(AuditHost.UserAgent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "handler1", password = "wrong-password" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "wrong-password" })).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "clerk1", password = "wrong-password" });
        }

        var browser = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await browser.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, """name="(__RequestVerificationToken[^"]*)" value="([^"]+)">""");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "head1", ["password"] = "wrong-password", ["returnUrl"] = "/",
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsync("/login", form)).StatusCode);

        var admin = (await _supervisor.EntriesAsync("&action=login.succeeded&actor=admin")).Single();
        Assert.Equal("user", admin.Str("resourceType"));
        Assert.Equal(admin.Str("actorId"), admin.Str("resourceId"));
        Assert.Contains("Administrator", admin.RolesOf());
        Assert.Equal(AuditHost.ClientIp, admin.Str("ipAddress"));
        Assert.Equal("api", admin.Details().Str("via"));

        var wrong = (await _supervisor.EntriesAsync("&action=login.failed&actor=handler1")).Single();
        Assert.Equal("wrong-password", wrong.Details().Str("reason"));
        Assert.Equal(AuditHost.UserAgent, wrong.Str("userAgent"));
        Assert.Equal(AuditHost.ClientIp, wrong.Str("ipAddress"));

        var stranger = await _supervisor.SingleAsync("login.failed", "nobody");
        Assert.Equal("", stranger.Str("actorId"));
        Assert.Equal("unknown-user", stranger.Details().Str("reason"));

        var clerk = await _supervisor.EntriesAsync("&action=login.&actor=clerk1");
        Assert.Equal([.. Enumerable.Repeat("login.failed", 4), "login.locked-out"], clerk.Select(e => e.Str("action")));

        var form401 = (await _supervisor.EntriesAsync("&action=login.failed&actor=head1")).Single();
        Assert.Equal("browser", form401.Details().Str("via"));
        Assert.Equal(AuditHost.ClientIp, form401.Str("ipAddress"));
    }

    [Fact]
    public async Task ACaseAndEachOfItsSteps_AreRecorded_WithTheOutcomeAndComment()
    {
        var window = await _host.LoginAsync("window1", withAgent: true);
        var created = await window.CreateCaseAsync();
        await window.CompleteOkAsync(created.OpenTask("accept"), "Accepted", "材料齐全");

        var filed = await _supervisor.SingleAsync("case.filed", created.Id());
        Assert.Equal("window1", filed.Str("actorName"));
        Assert.Equal(["WindowStaff"], filed.RolesOf());
        Assert.Equal("case", filed.Str("resourceType"));
        Assert.Equal("standard-licence", filed.Details().Str("definitionId"));
        Assert.Equal(AuditHost.ClientIp, filed.Str("ipAddress"));
        Assert.Equal(AuditHost.UserAgent, filed.Str("userAgent"));

        var step = await _supervisor.SingleAsync("task.completed", created.OpenTask("accept"));
        Assert.Equal("window1", step.Str("actorName"));
        Assert.Equal("task", step.Str("resourceType"));
        Assert.Equal(created.Id(), step.Details().Str("caseId"));
        Assert.Equal("accept", step.Details().Str("step"));
        Assert.Equal("Accepted", step.Details().Str("outcome"));
        Assert.Equal("材料齐全", step.Details().Str("comment"));
        Assert.Equal(AuditHost.ClientIp, step.Str("ipAddress"));
    }

    [Fact]
    public async Task CatalogueChanges_KeepTheOldAndNewValues_FeesIncluded()
    {
        var code = await _host.ItemForAsync("standard-licence");
        var admin = await _host.LoginAsync("admin", withAgent: false);
        var item = JsonNode.Parse(await admin.GetStringAsync($"/api/catalogue/items/{code}"))!.AsObject();
        item["fee"] = new JsonObject { ["charged"] = true, ["standard"] = "每件 10 元", ["basis"] = "桂价费〔2026〕1号" };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/catalogue/items/{code}", item)).StatusCode);
        item["status"] = "Cancelled";
        item["effectiveTo"] = "2026-03-02";
        var cancelled = await admin.PutAsJsonAsync($"/api/catalogue/items/{code}", item);
        Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync());

        var added = await _supervisor.SingleAsync("catalogue.item-created", code);
        Assert.Equal("admin", added.Str("actorName"));
        Assert.Equal("catalogue-item", added.Str("resourceType"));
        Assert.Equal(20, added.Details().GetProperty("item").GetProperty("statutoryLimit").GetInt32());

        var fee = (await _supervisor.SingleAsync("catalogue.item-updated", code)).Details().GetProperty("changes").GetProperty("fee");
        Assert.False(fee.GetProperty("old").GetProperty("charged").GetBoolean());
        Assert.True(fee.GetProperty("new").GetProperty("charged").GetBoolean());
        Assert.Equal("每件 10 元", fee.GetProperty("new").Str("standard"));

        var status = (await _supervisor.SingleAsync("catalogue.item-cancelled", code)).Details().GetProperty("changes").GetProperty("status");
        Assert.Equal("Active", status.Str("old"));
        Assert.Equal("Cancelled", status.Str("new"));
        Assert.Equal(AuditHost.ClientIp, (await _supervisor.SingleAsync("catalogue.item-cancelled", code)).Str("ipAddress"));
    }

    [Fact]
    public async Task ADefinitionsDraftAndPublish_AreRecorded_WithTheHashOfWhatWasPublished()
    {
        var admin = await _host.LoginAsync("admin", withAgent: false);
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ApprovalHost.WorkflowsFolder, "standard-licence.json")))!.AsObject();
        definition["definitionId"] = "audit-flow";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/definitions", definition)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/definitions/audit-flow/publish", null)).StatusCode);

        var draft = await _supervisor.SingleAsync("definition.draft-saved", "audit-flow");
        var published = await _supervisor.SingleAsync("definition.published", "audit-flow");
        Assert.Equal("admin", published.Str("actorName"));
        Assert.Equal(1, published.Details().GetProperty("version").GetInt32());
        Assert.Equal(draft.Details().Str("sha256"), published.Details().Str("sha256"));
        Assert.Equal(64, published.Details().Str("sha256").Length);
        Assert.Equal(AuditHost.ClientIp, published.Str("ipAddress"));

        // The shipped flows were published by the platform itself when it started.
        Assert.Equal("system", (await _supervisor.SingleAsync("definition.published", "standard-licence")).Str("actorName"));
    }

    [Fact]
    public async Task CalendarWindowGrantAndStaffChanges_AreRecorded()
    {
        var admin = await _host.LoginAsync("admin", withAgent: false);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/calendar/days/2026-05-06", new { kind = "Holiday", name = "测试调休" })).StatusCode);
        var window = new
        {
            number = "W90", name = "综合窗口（测试）", type = "Comprehensive", location = "三楼 90 号",
            departments = new[] { new { department = "market-regulation", headAuthority = "MiddleDeputy" } },
            head = new { name = "测试负责人", title = "股长" }, phone = "0776-3821290", supervisionPhone = "0776-3821234",
        };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/windows", window)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/windows/W90", window with { phone = "0776-3821299" })).StatusCode);
        var code = await _host.ItemForAsync("standard-licence");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/windows/W90/grants/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/windows/W90/staff", new { userName = "clerk1" })).StatusCode);

        var day = await _supervisor.SingleAsync("calendar.day-saved", "2026-05-06");
        Assert.Equal("admin", day.Str("actorName"));
        Assert.Equal(JsonValueKind.Null, day.Details().GetProperty("old").ValueKind);
        Assert.Equal("2026-05-06 Holiday 测试调休", day.Details().Str("new"));

        Assert.Equal("W90", (await _supervisor.SingleAsync("window.created", "W90")).Str("resourceId"));
        var phone = (await _supervisor.SingleAsync("window.updated", "W90")).Details().GetProperty("changes").GetProperty("phone");
        Assert.Equal("0776-3821290", phone.Str("old"));
        Assert.Equal("0776-3821299", phone.Str("new"));
        Assert.Equal(code, (await _supervisor.SingleAsync("window.granted", "W90")).Details().Str("itemCode"));
        Assert.Equal(code, (await _supervisor.SingleAsync("window.grant-withdrawn", "W90")).Details().Str("itemCode"));
        var staff = await _supervisor.SingleAsync("staff.assigned", "W90");
        Assert.Equal("clerk1", staff.Details().Str("userName"));
        Assert.Equal(AuditHost.ClientIp, staff.Str("ipAddress"));
    }

    [Fact]
    public async Task PausesAndExtensions_AreRecorded_WithTheDeadlinesBeforeAndAfter()
    {
        var window = await _host.LoginAsync("window1");
        var handler = await _host.LoginAsync("handler1");
        var head = await _host.LoginAsync("head1");
        var created = await window.CreateCaseAsync();
        await window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
        var id = created.Id();
        At("2026-03-04");
        var paused = await handler.PostAsJsonAsync($"/api/cases/{id}/pauses", new { kind = "Inspection", reason = "现场核查" });
        var pauseId = (await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pauses")[0].GetProperty("id").GetInt64();
        At("2026-03-06");
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"/api/cases/{id}/pauses/{pauseId}/end", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"/api/cases/{id}/extension", new { reason = "需征求相关部门意见" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/cases/{id}/extension/decision", new { approve = true, comment = "同意" })).StatusCode);

        var pause = await _supervisor.SingleAsync("case.paused", id);
        Assert.Equal("handler1", pause.Str("actorName"));
        Assert.Equal("现场核查", pause.Details().Str("reason"));
        Assert.Equal("2026-03-16", pause.Details().GetProperty("deadlines").GetProperty("old").Str("promised"));

        var resumed = await _supervisor.SingleAsync("case.resumed", id);
        Assert.Equal("2026-03-18", resumed.Details().GetProperty("deadlines").GetProperty("new").Str("promised"));
        Assert.Equal("需征求相关部门意见", (await _supervisor.SingleAsync("case.extension-requested", id)).Details().Str("reason"));

        var decided = await _supervisor.SingleAsync("case.extension-decided", id);
        Assert.Equal("head1", decided.Str("actorName"));
        Assert.True(decided.Details().GetProperty("approve").GetBoolean());
        Assert.Equal("同意", decided.Details().Str("comment"));
        Assert.Equal("2026-03-18", decided.Details().GetProperty("deadlines").GetProperty("old").Str("promised"));
        Assert.Equal("2026-04-01", decided.Details().GetProperty("deadlines").GetProperty("new").Str("promised"));
        Assert.Equal(AuditHost.ClientIp, decided.Str("ipAddress"));
    }

    [Fact]
    public async Task Warnings_AreRecordedByTheSystem_AndTheirHandlingAndEscalations_ByWhoeverHandledThem()
    {
        var window = await _host.LoginAsync("window1");
        var head = await _host.LoginAsync("head1");
        var created = await window.CreateCaseAsync();
        await window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
        At("2026-03-17");
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var version = (await window.GetCaseAsync(created.Id())).GetProperty("clock").GetProperty("clockVersion").GetInt32();
            await scope.ServiceProvider.GetRequiredService<DeadlineTimers>().FireAsync(Guid.Parse(created.Id()), TimerKind.Red, null, version, default);
        }

        Assert.Equal(HttpStatusCode.OK, (await _supervisor.PostAsync("/api/supervision/sweep", null)).StatusCode);
        var warnings = (await _supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/warnings")).EnumerateArray().ToList();
        var yellow = warnings.Single(w => w.Str("kind") == "Yellow");
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/supervision/warnings/{yellow.GetProperty("id")}/acknowledge", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/supervision/warnings/{yellow.GetProperty("id")}/resolve", new { comment = "已提醒" })).StatusCode);
        var task = (await head.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Single(t => t.Str("kind") == "Escalation");
        await head.CompleteOkAsync(task.Id(), "Handled", "已约谈经办人");

        var recorded = await _supervisor.EntriesAsync($"&action=warning.recorded&resourceId={created.Id()}");
        Assert.Equal(["Red", "Yellow"], recorded.Select(e => e.Details().Str("kind")).Order());
        Assert.All(recorded, e => Assert.Equal("system", e.Str("actorName")));
        Assert.All(recorded, e => Assert.False(e.TryGetProperty("ipAddress", out _)));
        Assert.Equal(task.Id(), recorded.Single(e => e.Details().Str("kind") == "Red").Details().Str("escalationTaskId"));

        var id = yellow.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("head1", (await _supervisor.SingleAsync("warning.acknowledged", id)).Str("actorName"));
        var resolved = await _supervisor.SingleAsync("warning.resolved", id);
        Assert.Equal("已提醒", resolved.Details().Str("comment"));
        Assert.Equal(AuditHost.ClientIp, resolved.Str("ipAddress"));

        var handled = await _supervisor.SingleAsync("escalation.handled", task.Id());
        Assert.Equal("head1", handled.Str("actorName"));
        Assert.Equal("已约谈经办人", handled.Details().Str("comment"));
        Assert.Equal(warnings.Single(w => w.Str("kind") == "Red").GetProperty("id").GetInt64(), handled.Details().GetProperty("warningId").GetInt64());
    }

    private void At(string day) => _host.Clock.SetUtcNow(DateTimeOffset.Parse($"{day}T09:00:00+08:00"));
}
