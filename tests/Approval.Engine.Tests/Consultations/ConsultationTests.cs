using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests.Consultations;

/// <summary>Consultations (咨询) logged at the window desk: kept with the item and window, and counted in the statistics.</summary>
public sealed class ConsultationTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new(start: new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
    private HttpClient _window = null!;
    private string _item = null!;

    public async Task InitializeAsync()
    {
        _window = await _host.LoginAsync("window1");
        _item = await _host.ItemForAsync("standard-licence");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AConsultation_IsKeptWithItsItemAndWindow_AndCounted()
    {
        var logged = await _window.PostAsJsonAsync("/api/consultations", new { question = "要带哪些材料？", itemCode = _item });
        await _window.PostAsJsonAsync("/api/consultations", new { question = "营业时间？", channel = "Phone" });

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var body = await logged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("W01", body.Str("window"));
        Assert.Equal("market-regulation", body.Str("department"));
        Assert.Equal("测试事项（standard-licence）", body.Str("itemName"));

        var mine = await _window.GetFromJsonAsync<JsonElement>("/api/consultations");
        var others = await (await _host.LoginAsync("window2")).GetFromJsonAsync<JsonElement>("/api/consultations");
        Assert.Equal(2, mine.GetArrayLength());
        Assert.Equal(0, others.GetArrayLength());

        var supervisor = await _host.LoginAsync("supervisor1");
        var byWindow = await supervisor.GetFromJsonAsync<JsonElement>("/api/statistics?from=2026-12-01&to=2026-12-31&groupBy=range,window");
        var byItem = await supervisor.GetFromJsonAsync<JsonElement>($"/api/statistics?from=2026-12-01&to=2026-12-31&groupBy=range,item&item={_item}");
        Assert.Equal(2, byWindow.GetProperty("total").GetProperty("consultations").GetInt32());
        Assert.Equal(2, byWindow.GetProperty("rows").EnumerateArray().Single(r => r.Str("key") == "W01").GetProperty("consultations").GetInt32());
        Assert.Equal(1, byItem.GetProperty("total").GetProperty("consultations").GetInt32());
    }

    [Theory]
    [InlineData("", null, "question")]
    [InlineData("问题", "NO-SUCH-ITEM", "itemCode")]
    public async Task ABadConsultation_IsAProblemAtItsField_AndNothingIsKept(string question, string? itemCode, string where)
    {
        var response = await _window.PostAsJsonAsync("/api/consultations", new { question, itemCode });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(where, out _));
        Assert.Equal(0, (await _window.GetFromJsonAsync<JsonElement>("/api/consultations")).GetArrayLength());
    }
}
