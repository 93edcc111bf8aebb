using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests.Catalogue;

public sealed class CatalogueApiTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _host.LoginAsync("admin");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Create_RefusesAPromisedLimitAbove70PercentOfTheStatutoryOne_AndStoresNothing()
    {
        var response = await _admin.PostAsJsonAsync("/api/catalogue/items", Item("452624-XK-T1", statutory: 20, promised: 15));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("promisedLimit")[0].GetString()!;
        Assert.Contains("70%", message);
        Assert.Contains("at most 14", message);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/catalogue/items/452624-XK-T1")).StatusCode);
    }

    [Theory]
    [InlineData(20, 14, "Promised", true)]
    [InlineData(10, 7, "Promised", true)]
    [InlineData(10, 8, "Promised", false)]
    [InlineData(1, 1, "Promised", false)]
    [InlineData(20, 0, "Instant", true)]
    [InlineData(20, 1, "Instant", false)]
    [InlineData(20, 0, "Promised", false)]
    public async Task TheThirtyPercentRule_AndInstantItems(int statutory, int promised, string kind, bool allowed)
    {
        var code = $"452624-XK-R{statutory}-{promised}-{kind}";
        var response = await _admin.PostAsJsonAsync("/api/catalogue/items", Item(code, statutory, promised, kind));
        Assert.Equal(allowed ? HttpStatusCode.Created : HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(40, HttpStatusCode.BadRequest)]
    [InlineData(101, HttpStatusCode.BadRequest)]
    [InlineData(80, HttpStatusCode.Created)]
    public async Task AnItemsOwnWarningPercent_IsBetween50And100(int percent, HttpStatusCode expected)
    {
        var response = await _admin.PostAsJsonAsync("/api/catalogue/items", Item($"452624-XK-W{percent}") with { WarningPercent = percent });

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Contains("warningPercent", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AnItemInForce_NeedsAPublishedFlow()
    {
        var response = await _admin.PostAsJsonAsync("/api/catalogue/items", Item("452624-XK-T2", flow: "no-such-flow"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-such-flow", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WritingTheCatalogue_IsForAdministrators()
    {
        var handler = await _host.LoginAsync("handler1");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsJsonAsync("/api/catalogue/items", Item("452624-XK-T3"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync("/api/catalogue/items")).StatusCode);
    }

    [Fact]
    public async Task Cancelling_IsPublishedInTheFeedWithItsDate_AndNobodyCanApplyAnyMore()
    {
        await Created(Item("452624-XK-T4"));
        await ApprovalHost.GrantToWindowsOfAsync(_admin, "452624-XK-T4", "market-regulation");
        var window = await _host.LoginAsync("window1");
        Assert.Equal(HttpStatusCode.Created, (await window.PostAsJsonAsync("/api/cases", new { itemCode = "452624-XK-T4", applicant = new { name = "李四" } })).StatusCode);

        var cancelled = Item("452624-XK-T4") with { Status = "Cancelled", EffectiveTo = "2026-12-31" };
        Assert.Equal(HttpStatusCode.OK, (await _admin.PutAsJsonAsync("/api/catalogue/items/452624-XK-T4", cancelled)).StatusCode);

        var anonymous = _host.CreateClient();
        var feed = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/items/changes?since=2026-01-01");
        var entries = feed.EnumerateArray().Where(c => c.Str("itemCode") == "452624-XK-T4").ToList();
        Assert.Equal(["New", "Cancelled"], entries.Select(e => e.Str("kind")));
        Assert.Equal("2026-12-31", entries[1].Str("effectiveDate"));
        var search = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/items?name=测试");
        Assert.DoesNotContain(search.EnumerateArray(), i => i.Str("code") == "452624-XK-T4");
        var apply = await window.PostAsJsonAsync("/api/cases", new { itemCode = "452624-XK-T4" });
        Assert.Equal(HttpStatusCode.BadRequest, apply.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.DeleteAsync("/api/catalogue/items/452624-XK-T4")).StatusCode);
    }

    [Fact]
    public async Task Adjusting_IsPublished_ButSavingTheSameItemAgainIsNot()
    {
        await Created(Item("452624-XK-T5"));
        await _admin.PutAsJsonAsync("/api/catalogue/items/452624-XK-T5", Item("452624-XK-T5"));
        await _admin.PutAsJsonAsync("/api/catalogue/items/452624-XK-T5", Item("452624-XK-T5", statutory: 20, promised: 5));

        var feed = await _host.CreateClient().GetFromJsonAsync<JsonElement>("/api/public/items/changes");
        Assert.Equal(["New", "Adjusted"], feed.EnumerateArray().Where(c => c.Str("itemCode") == "452624-XK-T5").Select(e => e.Str("kind")));
    }

    [Fact]
    public async Task ThePublic_SearchesAndReadsItems_WithoutLoggingIn()
    {
        await Created(Item("452624-XK-T6") with { Name = "食品经营许可（测试）", Department = "market-regulation" });
        await Created(Item("452624-GG-T7") with { Name = "就业登记（测试）", ItemType = "20", Department = "human-resources", StatutoryLimit = 5, PromisedLimit = 0, CaseKind = "Instant" });
        var anonymous = _host.CreateClient();

        var byName = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/items?name=食品");
        var byType = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/items?type=20");
        var byDepartment = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/items?department=human-resources");
        var one = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/items/452624-XK-T6");

        Assert.Equal(["452624-XK-T6"], byName.EnumerateArray().Select(i => i.Str("code")));
        Assert.Equal(["452624-GG-T7"], byType.EnumerateArray().Select(i => i.Str("code")));
        Assert.Equal(["452624-GG-T7"], byDepartment.EnumerateArray().Select(i => i.Str("code")));
        Assert.Equal("营业执照", one.GetProperty("materials")[1].Str("name"));
        Assert.Equal("0776-3821234", one.Str("supervisionPhone"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/public/items/none")).StatusCode);
    }

    [Fact]
    public async Task AnApplication_RunsTheItemsFlow_InTheItemsDepartment()
    {
        await Created(Item("452624-XK-T8") with { Department = "housing-construction" });
        await ApprovalHost.GrantToWindowsOfAsync(_admin, "452624-XK-T8", "housing-construction");
        var window = await _host.LoginAsync("window2"); // W02 serves housing-construction

        var response = await window.PostAsJsonAsync("/api/cases", new
        {
            itemCode = "452624-XK-T8",
            applicant = new { name = "王五" },
            materials = new[] { new { name = "申请书", originals = 1, copies = 0 } },
            majorProject = true,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var @case = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("452624-XK-T8", @case.Str("itemCode"));
        Assert.Equal("housing-construction", @case.Str("department"));
        Assert.True(@case.GetProperty("majorProject").GetBoolean());
        Assert.Equal("申请书", @case.GetProperty("materials")[0].Str("name"));
        var review = (await window.CompleteOkAsync(@case.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];
        Assert.Equal("housing-construction", review.Str("department"));
    }

    [Fact]
    public async Task StartingABareFlow_IsForAdministratorsOnly()
    {
        var window = await _host.LoginAsync("window1");
        Assert.Equal(HttpStatusCode.Forbidden, (await window.PostAsJsonAsync("/api/cases", new { definitionId = "standard-licence" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/cases", new { definitionId = "standard-licence" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.PostAsJsonAsync("/api/cases", new { })).StatusCode);
    }

    private async Task Created(ItemBody item)
    {
        var response = await _admin.PostAsJsonAsync("/api/catalogue/items", item);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static ItemBody Item(string code, int statutory = 20, int promised = 10, string kind = "Promised", string flow = "standard-licence") => new(
        code, "测试事项", "01", "market-regulation", "德保县市场监督管理局", "《中华人民共和国行政许可法》", statutory, promised, kind,
        [new("申请书", "申请人", 1, 0, true), new("营业执照", "市场监管部门", 0, 1, true)],
        new(false, null, null), [], true, "0776-3822001", "0776-3821234", "Active", null, null, flow, 10);

    internal sealed record ItemBody(
        string Code, string Name, string ItemType, string Department, string DepartmentName, string LegalBasis,
        int StatutoryLimit, int PromisedLimit, string CaseKind, MaterialBody[] Materials, FeeBody Fee, string[] IntermediaryServices,
        bool OnlineAvailable, string ConsultationPhone, string SupervisionPhone, string Status, string? EffectiveFrom,
        string? EffectiveTo, string DefinitionId, int ExtensionDays, int? WarningPercent = null);

    internal sealed record MaterialBody(string Name, string Issuer, int Originals, int Copies, bool Required);

    internal sealed record FeeBody(bool Charged, string? Standard, string? Basis);
}
