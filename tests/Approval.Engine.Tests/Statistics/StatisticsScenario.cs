using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Activities.Contract;
using Approval.Engine.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Statistics;

/// <summary>
/// A hand-built set of cases across March and April 2026, filed and moved through the real API with
/// a fake clock, once for every test of <see cref="StatisticsReportTests"/>. Windows W01 (window1), W02
/// (window2) and W09 (a window and clerk made here); 2026's Qingming holiday makes Monday 6 April a day off.
/// <list type="bullet">
/// <item>P: promised, statutory 5, promised 3 working days, market regulation, 受理 → 审核 → 决定 → 发证.</item>
/// <item>I: instant (promised 0, statutory 20), market regulation, decided and certified at the window.</item>
/// <item>H: promised, statutory 20, promised 10, housing and construction.</item>
/// </list>
/// The cases (deadlines counted by hand):
/// <list type="number">
/// <item>C5 (H, W02): accepted Mon 2 Mar; promised deadline 16 Mar, statutory 30 Mar; never completed: open past both.</item>
/// <item>C1 (I, W01): accepted and completed Mon 30 Mar (instant, on time, 0 working days).</item>
/// <item>C2 (P, W01): accepted Mon 30 Mar; deadlines 2 Apr (promised), 7 Apr (statutory); completed Wed 1 Apr: across the
/// month boundary, early, 2 working days.</item>
/// <item>C3 (P, W09): accepted Tue 31 Mar; deadlines Fri 3 Apr and Wed 8 Apr (6 Apr off); completed Tue 7 Apr: late, within the
/// statutory limit, 4 working days (1, 2, 3 and 7 April).</item>
/// <item>C6 (P, W01): filed Tue 31 Mar and refused at the window: never accepted, counted nowhere.</item>
/// <item>C4 (P, W01): accepted Wed 1 Apr; inspection stops the clocks for Fri 3 Apr (2 → 3 Apr); deadlines 8 Apr and 10 Apr;
/// completed Wed 8 Apr, on the deadline: on time, not early; 3 working days (2, 7, 8 April).</item>
/// <item>C8 (P, W01): accepted Wed 8 Apr (stored deadlines 13 and 15 Apr); an inspection from Thu 9 Apr is still under way:
/// not overdue, although its stored deadlines have passed.</item>
/// </list>
/// Every figure is read on Thursday 30 April 2026 at 18:00.
/// </summary>
public sealed class StatisticsScenario : IAsyncLifetime
{
    public const string Collection = "statistics scenario";

    public const string Market = "market-regulation";
    public const string Housing = "housing-construction";
    public const string Promised = "S-P";
    public const string Instant = "S-I";
    public const string HousingItem = "S-H";

    public ApprovalHost Host { get; } = new(
        settings: new Dictionary<string, string?> { ["Auth:TokenLifetimeMinutes"] = "525600", ["Scheduling:Enabled"] = "false" },
        start: DateTimeOffset.Parse("2026-03-02T08:00:00+08:00"));

    public HttpClient Supervisor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var admin = await Host.LoginAsync("admin");
        await AddWindowAsync(admin, "W09");
        await AddItemAsync(admin, Promised, Market, "Promised", 5, 3, "standard-licence");
        await AddItemAsync(admin, Instant, Market, "Instant", 20, 0, "instant-item", onTheSpot: true);
        await AddItemAsync(admin, HousingItem, Housing, "Promised", 20, 10, "standard-licence");
        await AddClerkAsync(admin, "window9", "W09");
        var w01 = await Host.LoginAsync("window1");
        var w02 = await Host.LoginAsync("window2");
        var w09 = await Host.LoginAsync("window9");
        var handler = await Host.LoginAsync("handler1");
        var head = await Host.LoginAsync("head1");
        Supervisor = await Host.LoginAsync("supervisor1");

        At("2026-03-02");
        await AcceptedAsync(w02, HousingItem); // C5

        At("2026-03-30");
        var c1 = await AcceptedAsync(w01, Instant);
        await Next(w01, await Next(w01, c1.Next, "Grant"), "Issued");
        var c2 = await AcceptedAsync(w01, Promised);

        At("2026-03-31");
        var c3 = await AcceptedAsync(w09, Promised);
        var c6 = await FileAsync(w01, Promised);
        await Next(w01, c6.Next, "Refused");
        var c2Certify = await Next(head, await Next(handler, c2.Next, "Pass"), "Grant");

        At("2026-04-01");
        await Next(w01, c2Certify, "Issued");
        var c4 = await AcceptedAsync(w01, Promised);

        At("2026-04-02");
        var pause = await PauseAsync(handler, c4.Id, start: "2026-04-02");

        At("2026-04-03");
        var ended = await handler.PostAsJsonAsync($"/api/cases/{c4.Id}/pauses/{pause}/end", new { end = "2026-04-03" });
        Assert.True(ended.IsSuccessStatusCode, await ended.Content.ReadAsStringAsync());

        At("2026-04-07");
        await Next(w09, await Next(head, await Next(handler, c3.Next, "Pass"), "Grant"), "Issued");

        At("2026-04-08");
        await Next(w01, await Next(head, await Next(handler, c4.Next, "Pass"), "Grant"), "Issued");
        var c8 = await AcceptedAsync(w01, Promised);

        At("2026-04-09");
        await PauseAsync(handler, c8.Id, start: null);

        Host.Clock.SetUtcNow(DateTimeOffset.Parse("2026-04-30T18:00:00+08:00"));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public async Task<JsonElement> ReportAsync(string query, HttpClient? client = null)
    {
        var response = await (client ?? Supervisor).GetAsync($"/api/statistics?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // Every window of the department serves it (W01 decides the instant one on the spot; W09 serves market regulation too).
    private static async Task AddItemAsync(
        HttpClient admin, string code, string department, string kind, int statutory, int promised, string flow, bool onTheSpot = false)
    {
        var response = await admin.PostAsJsonAsync("/api/catalogue/items", new
        {
            code,
            name = $"统计测试事项 {code}",
            itemType = "01",
            department,
            departmentName = department == Market ? "市场监管局" : "住建局",
            statutoryLimit = statutory,
            promisedLimit = promised,
            caseKind = kind,
            definitionId = flow,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await ApprovalHost.GrantToWindowsOfAsync(admin, code, department, onTheSpot);
    }

    private static async Task AddWindowAsync(HttpClient admin, string number)
    {
        var response = await admin.PostAsJsonAsync("/api/windows", new
        {
            number,
            name = "市场监管独立窗口",
            type = "Independent",
            departments = new[] { new { department = Market, headAuthority = "MiddleChief" } },
            head = new { name = "韦主任" },
            phone = "0776-3820009",
            supervisionPhone = "0776-3821234",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task AddClerkAsync(HttpClient admin, string name, string window)
    {
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = name, DisplayName = name, Window = window };
            Assert.True((await users.CreateAsync(user, ApprovalHost.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.WindowStaff)).Succeeded);
        }

        var seated = await admin.PostAsJsonAsync($"/api/windows/{window}/staff", new { userName = name });
        Assert.True(seated.IsSuccessStatusCode, await seated.Content.ReadAsStringAsync());
    }

    private static async Task<(string Id, string Next)> FileAsync(HttpClient window, string item)
    {
        var response = await window.PostAsJsonAsync("/api/cases", new { itemCode = item, applicant = new { name = "王五" } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.Id(), created.OpenTask("accept"));
    }

    private static async Task<(string Id, string Next)> AcceptedAsync(HttpClient window, string item)
    {
        var (id, accept) = await FileAsync(window, item);
        return (id, await Next(window, accept, "Accepted"));
    }

    // Completes a task and answers the one it opened (or "" when the flow ended).
    private static async Task<string> Next(HttpClient client, string taskId, string outcome)
    {
        var opened = (await client.CompleteOkAsync(taskId, outcome)).GetProperty("openedTasks");
        return opened.GetArrayLength() == 0 ? "" : opened[0].Id();
    }

    private static async Task<long> PauseAsync(HttpClient handler, string caseId, string? start)
    {
        var response = await handler.PostAsJsonAsync($"/api/cases/{caseId}/pauses", new { kind = "Inspection", reason = "现场核查", start });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var clock = await response.Content.ReadFromJsonAsync<JsonElement>();
        return clock.GetProperty("pauses").EnumerateArray().Last().GetProperty("id").GetInt64();
    }

    // 09:00 in China on that day.
    private void At(string day) => Host.Clock.SetUtcNow(DateTimeOffset.Parse($"{day}T09:00:00+08:00"));
}

[CollectionDefinition(StatisticsScenario.Collection)]
public sealed class StatisticsScenarioCollection : ICollectionFixture<StatisticsScenario>;
