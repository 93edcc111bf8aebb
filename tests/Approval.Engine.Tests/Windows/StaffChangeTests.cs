using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests.Windows;

/// <summary>
/// Window staff serve at least the minimum term; an earlier replacement or withdrawal runs the
/// window-staff-change flow (the department asks, the centre approves) and a direct one is refused.
/// </summary>
public sealed class StaffChangeTests : IAsyncLifetime
{
    private const string FoodLicence = "452624-XK-SCJG-001";
    private readonly ApprovalHost _host = SampleHallHost.Create();
    private HttpClient _admin = null!;
    private HttpClient _head = null!;

    public async Task InitializeAsync()
    {
        _admin = await _host.LoginAsync("admin");
        _head = await _host.LoginAsync("head1"); // market regulation, which W01 serves
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnEarlyDirectChange_IsRefused_AndChangesNothing()
    {
        var response = await _admin.PostAsJsonAsync("/api/windows/W01/staff/window1/end", new { reason = "调回原单位" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("/api/staff-changes", problem.Str("detail"));
        Assert.Equal("2028-03-02", problem.Str("minimumTermEndsOn"));
        Assert.Equal(["window1"], await StaffAsync("W01"));
        Assert.Equal(HttpStatusCode.Created, (await (await _host.LoginAsync("window1")).FileAsync(FoodLicence)).StatusCode);

        // Nor can the clerk be moved by seating them at another window.
        var moved = await _admin.PostAsJsonAsync("/api/windows/W07/staff", new { userName = "window1" });
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Contains("staff change", await moved.Content.ReadAsStringAsync());
        Assert.Equal(["window1"], await StaffAsync("W01"));
    }

    [Fact]
    public async Task AnEarlyReplacement_ApprovedByTheCentre_IsApplied()
    {
        var requested = await RequestAsync(new { window = "W01", outgoing = "window1", incoming = "clerk1", reason = "window1 调任后备干部岗位" });
        Assert.Equal("Pending", requested.Str("status"));
        Assert.True(requested.GetProperty("early").GetBoolean());
        var approval = requested.GetProperty("openTasks")[0];
        Assert.Equal("Administrator", approval.Str("role"));
        Assert.Equal(["window1"], await StaffAsync("W01"));

        _host.Clock.Advance(TimeSpan.FromDays(1));
        (_admin, _head) = (await _host.LoginAsync("admin"), await _host.LoginAsync("head1"));
        var done = await _admin.CompleteOkAsync(approval.Id(), "Grant", "同意调换，报县审改办备案");

        Assert.Equal("Approved", done.Str("caseResult"));
        var change = await _head.GetFromJsonAsync<JsonElement>($"/api/staff-changes/{requested.Id()}");
        Assert.Equal("Applied", change.Str("status"));
        Assert.Equal(["start:Done:", "approve:Grant:admin", "end-applied:Approved:"],
            change.GetProperty("history").EnumerateArray().Select(h => $"{h.Str("activityId")}:{h.Str("outcome")}:{(h.TryGetProperty("actor", out var a) ? a.GetString() : "")}"));
        Assert.Equal(["clerk1"], await StaffAsync("W01"));
        var record = await _admin.GetFromJsonAsync<JsonElement>("/api/windows/W01/staff?all=true");
        var left = record.EnumerateArray().Single(s => s.Str("userName") == "window1");
        Assert.Equal("2026-03-03", left.Str("endedOn"));
        var joined = record.EnumerateArray().Single(s => s.Str("userName") == "clerk1");
        Assert.Equal("2026-03-03", joined.Str("startedOn"));
        Assert.Equal("2028-03-03", joined.Str("minimumTermEndsOn"));

        // The change is what acting is checked against, whatever the sign-in says.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _host.LoginAsync("window1")).FileAsync(FoodLicence)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await _host.LoginAsync("clerk1")).FileAsync(FoodLicence)).StatusCode);
    }

    [Fact]
    public async Task AChangeTheCentreRefuses_LeavesTheStaffAsTheyWere()
    {
        var requested = await RequestAsync(new { window = "W01", outgoing = "window1", reason = "窗口撤并" });

        var done = await _admin.CompleteOkAsync(requested.GetProperty("openTasks")[0].Id(), "Deny", "未满两年，不予同意");

        Assert.Equal("Denied", done.Str("caseResult"));
        var change = await _admin.GetFromJsonAsync<JsonElement>($"/api/staff-changes/{requested.Id()}");
        Assert.Equal("Refused", change.Str("status"));
        Assert.Equal(["window1"], await StaffAsync("W01"));
    }

    [Fact]
    public async Task OnlyADepartmentTheWindowServes_MayAskToChangeItsStaff()
    {
        var otherDepartment = await _host.LoginAsync("head2"); // housing and construction: W02, not W01

        var response = await otherDepartment.PostAsJsonAsync("/api/staff-changes", new { window = "W01", outgoing = "window1", reason = "调整" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await _admin.GetFromJsonAsync<JsonElement>("/api/staff-changes")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await _host.LoginAsync("window1")).PostAsJsonAsync("/api/staff-changes", new { window = "W01", outgoing = "window1", reason = "x" })).StatusCode);
    }

    [Theory]
    [InlineData("""{"window":"W01","outgoing":"window2","reason":"x"}""", "outgoing")]
    [InlineData("""{"window":"W01","outgoing":"window1","incoming":"handler1","reason":"x"}""", "incoming")]
    [InlineData("""{"window":"W01","outgoing":"window1","incoming":"window2","reason":"x"}""", "incoming")]
    [InlineData("""{"window":"W01","outgoing":"window1","incoming":"window1","reason":"x"}""", "incoming")]
    [InlineData("""{"window":"W01","outgoing":"window1","reason":""}""", "reason")]
    public async Task ABadRequest_IsRefused_SayingWhere_AndStartsNoFlow(string body, string field)
    {
        var response = await _head.PostAsync("/api/staff-changes", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty((await _admin.GetFromJsonAsync<JsonElement>("/api/staff-changes")).EnumerateArray());
    }

    [Fact]
    public async Task ASecondRequestForTheSameClerk_OrTheSameNewcomer_WaitsForTheFirst()
    {
        await RequestAsync(new { window = "W01", outgoing = "window1", incoming = "clerk1", reason = "第一次" });

        var sameClerk = await _head.PostAsJsonAsync("/api/staff-changes", new { window = "W01", outgoing = "window1", reason = "第二次" });
        var sameNewcomer = await (await _host.LoginAsync("head2")).PostAsJsonAsync(
            "/api/staff-changes", new { window = "W02", outgoing = "window2", incoming = "clerk1", reason = "另一窗口" });

        Assert.Equal(HttpStatusCode.Conflict, sameClerk.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, sameNewcomer.StatusCode);
        Assert.Single((await _admin.GetFromJsonAsync<JsonElement>("/api/staff-changes?status=Pending")).EnumerateArray());
    }

    [Fact]
    public async Task AnApprovedChange_Lapses_WhenTheNewcomerWasSeatedElsewhereMeanwhile()
    {
        var requested = await RequestAsync(new { window = "W01", outgoing = "window1", incoming = "clerk1", reason = "调换" });
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/windows/W07/staff", new { userName = "clerk1" })).StatusCode);

        await _admin.CompleteOkAsync(requested.GetProperty("openTasks")[0].Id(), "Grant");

        var change = await _admin.GetFromJsonAsync<JsonElement>($"/api/staff-changes/{requested.Id()}");
        Assert.Equal("Lapsed", change.Str("status"));
        Assert.Contains("W07", change.Str("detail"));
        Assert.Equal(["window1"], await StaffAsync("W01"));
    }

    [Fact]
    public async Task AfterTheMinimumTerm_TheCentreChangesStaffDirectly_AndTheTermIsConfigurable()
    {
        await using var host = SampleHallHost.Create(new Dictionary<string, string?> { ["Windows:MinimumTermYears"] = "1" });
        var admin = await host.LoginAsync("admin");
        var staff = await admin.GetFromJsonAsync<JsonElement>("/api/windows/W03/staff");
        Assert.Equal("2027-03-02", staff[0].Str("minimumTermEndsOn"));

        host.Clock.Advance(TimeSpan.FromDays(364));
        admin = await host.LoginAsync("admin");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/windows/W03/staff/window3/end", new { reason = "轮岗" })).StatusCode);

        host.Clock.Advance(TimeSpan.FromDays(1));
        admin = await host.LoginAsync("admin");
        var ended = await admin.PostAsJsonAsync("/api/windows/W03/staff/window3/end", new { reason = "轮岗" });

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal("2027-03-02", (await ended.Content.ReadFromJsonAsync<JsonElement>()).Str("endedOn"));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/windows/W03/staff")).EnumerateArray());
    }

    private async Task<JsonElement> RequestAsync(object body)
    {
        var response = await _head.PostAsJsonAsync("/api/staff-changes", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string[]> StaffAsync(string window) =>
        [.. (await _admin.GetFromJsonAsync<JsonElement>($"/api/windows/{window}/staff")).EnumerateArray().Select(s => s.Str("userName"))];
}
