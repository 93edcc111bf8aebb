using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests.Windows;

/// <summary>Keeping the hall: windows and grants under the rules, with a clear 400 and nothing changed when broken.</summary>
public sealed class WindowsApiTests : IAsyncLifetime
{
    private const string SoleTrader = "452624-XK-SCJG-003"; // instant, market-regulation
    private const string FoodLicence = "452624-XK-SCJG-001"; // promised, market-regulation
    private readonly ApprovalHost _host = SampleHallHost.Create();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _host.LoginAsync("admin");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object Window(string number = "W90", string authority = "MiddleDeputy", string type = "Comprehensive", string[]? departments = null) => new
    {
        number,
        name = "综合窗口（测试）",
        type,
        location = "三楼 90 号",
        departments = (departments ?? ["market-regulation"]).Select(d => new { department = d, headAuthority = authority }),
        head = new { name = "测试负责人", title = "股长" },
        phone = "0776-3821290",
        supervisionPhone = "0776-3821234",
    };

    [Fact]
    public async Task AWindowThatBreaksTheRules_IsRefused_NamingEveryField()
    {
        var response = await _admin.PostAsJsonAsync("/api/windows", new
        {
            number = "W 1", name = "", type = "Independent", departments = new[] { new { department = "a", headAuthority = "None" }, new { department = "b", headAuthority = "None" } },
            head = new { name = "" }, phone = "call me", supervisionPhone = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["departments", "head.name", "name", "number", "phone", "supervisionPhone"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/windows/W%201")).StatusCode);
    }

    [Fact]
    public async Task OnlyAdministrators_KeepTheHall()
    {
        var head = await _host.LoginAsync("head1");

        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsJsonAsync("/api/windows", Window())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PutAsJsonAsync($"/api/windows/W01/grants/{FoodLicence}", new { mayAccept = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/api/windows")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().GetAsync("/api/windows")).StatusCode);
    }

    [Fact]
    public async Task AnOnTheSpotGrant_NeedsAnInstantItem_OfADepartmentServed_AndAHeadWithMiddleChiefsAuthority()
    {
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/windows", Window())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PostAsJsonAsync("/api/windows", Window())).StatusCode);

        var deputy = await GrantAsync("W90", SoleTrader, onTheSpot: true);
        var promised = await GrantAsync("W90", FoodLicence, onTheSpot: true);
        var otherDepartment = await GrantAsync("W90", "452624-XK-ZJ-001", onTheSpot: false);
        var unknownItem = await GrantAsync("W90", "452624-XX-0", onTheSpot: false);

        Assert.Equal(HttpStatusCode.BadRequest, deputy.StatusCode);
        Assert.Contains("中层正职", await deputy.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, promised.StatusCode);
        Assert.Contains("instant item", await promised.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, otherDepartment.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownItem.StatusCode);
        Assert.Empty((await _admin.GetFromJsonAsync<JsonElement>("/api/windows/W90")).GetProperty("grants").EnumerateArray());

        // With the authority given, the grant holds; the authority cannot then be lowered under it.
        Assert.Equal(HttpStatusCode.OK, (await _admin.PutAsJsonAsync("/api/windows/W90", Window(authority: "MiddleChief"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GrantAsync("W90", SoleTrader, onTheSpot: true)).StatusCode);
        var lowered = await _admin.PutAsJsonAsync("/api/windows/W90", Window(authority: "MiddleDeputy"));
        var removed = await _admin.PutAsJsonAsync("/api/windows/W90", Window(authority: "MiddleChief", departments: ["health"]));

        Assert.Equal(HttpStatusCode.BadRequest, lowered.StatusCode);
        Assert.True((await lowered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("departments[0].headAuthority", out _));
        Assert.Equal(HttpStatusCode.BadRequest, removed.StatusCode);
        var w90 = await _admin.GetFromJsonAsync<JsonElement>("/api/windows/W90");
        Assert.Equal("MiddleChief", w90.GetProperty("departments")[0].Str("headAuthority"));
        Assert.Equal("受理、当场办结", w90.GetProperty("grants").EnumerateArray().Single().Str("authority"));
    }

    [Fact]
    public async Task AGrant_ThatDecidesWithoutAccepting_OrDoesNothing_IsRefused()
    {
        var decideOnly = await _admin.PutAsJsonAsync($"/api/windows/W01/grants/{SoleTrader}", new { mayAccept = false, mayDecideOnTheSpot = true });
        var nothing = await _admin.PutAsJsonAsync($"/api/windows/W01/grants/{SoleTrader}", new { mayAccept = false, mayDecideOnTheSpot = false });

        Assert.Equal(HttpStatusCode.BadRequest, decideOnly.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        var grant = (await _admin.GetFromJsonAsync<JsonElement>("/api/windows/W01")).GetProperty("grants").EnumerateArray().Single(g => g.Str("itemCode") == SoleTrader);
        Assert.True(grant.GetProperty("mayDecideOnTheSpot").GetBoolean());
    }

    [Fact]
    public async Task Staff_AreWindowClerks_AtOneWindowEach_StartingNoLaterThanToday()
    {
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/windows", Window())).StatusCode);

        var handler = await _admin.PostAsJsonAsync("/api/windows/W90/staff", new { userName = "handler1" });
        var future = await _admin.PostAsJsonAsync("/api/windows/W90/staff", new { userName = "clerk1", startedOn = "2026-03-03" });
        var seated = await _admin.PostAsJsonAsync("/api/windows/W90/staff", new { userName = "clerk1", startedOn = "2025-09-01" });
        var twice = await _admin.PostAsJsonAsync("/api/windows/W01/staff", new { userName = "clerk1" });

        Assert.Equal(HttpStatusCode.BadRequest, handler.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.Created, seated.StatusCode);
        Assert.Equal("2027-09-01", (await seated.Content.ReadFromJsonAsync<JsonElement>()).Str("minimumTermEndsOn"));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("W90", await twice.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWindowEnteredByMistake_MayBeRemoved_ButOneThatHadStaffStaysOnRecord()
    {
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/windows", Window("W91"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GrantAsync("W91", FoodLicence, onTheSpot: false)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync("/api/windows/W91")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.DeleteAsync("/api/windows/W01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/windows/W91")).StatusCode);
    }

    [Fact]
    public async Task AnItemRemovedFromTheCatalogue_TakesItsGrantsWithIt()
    {
        var item = new
        {
            code = "452624-XK-T99", name = "误录事项", itemType = "01", department = "market-regulation", departmentName = "市场监管局",
            statutoryLimit = 20, promisedLimit = 10, caseKind = "Promised", definitionId = "standard-licence",
        };
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/catalogue/items", item)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GrantAsync("W01", "452624-XK-T99", onTheSpot: false)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync("/api/catalogue/items/452624-XK-T99")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/catalogue/items", item)).StatusCode);

        var window = await _host.LoginAsync("window1");
        Assert.Equal(HttpStatusCode.Forbidden, (await window.PostAsJsonAsync("/api/cases", new { itemCode = "452624-XK-T99" })).StatusCode);
        Assert.DoesNotContain((await _admin.GetFromJsonAsync<JsonElement>("/api/windows/W01")).GetProperty("grants").EnumerateArray(),
            g => g.Str("itemCode") == "452624-XK-T99");
    }

    private Task<HttpResponseMessage> GrantAsync(string window, string item, bool onTheSpot) =>
        _admin.PutAsJsonAsync($"/api/windows/{window}/grants/{item}", new { mayAccept = true, mayDecideOnTheSpot = onTheSpot });
}
