using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests.Windows;

/// <summary>窗口公开: what each window handles, with what authority, who heads it and whom to call, without logging in.</summary>
public sealed class PublicWindowsTests(SampleHallHost hall) : IClassFixture<SampleHallHost>
{
    [Fact]
    public async Task ThePublic_ReadsEveryWindow_WithItsItemsAuthorityHeadAndPhones_WithoutLoggingIn()
    {
        var anonymous = hall.Host.CreateClient();

        var response = await anonymous.GetAsync("/api/public/windows");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var windows = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["W01", "W02", "W03", "W04", "W05", "W06", "W07"], windows.EnumerateArray().Select(w => w.Str("number")));
        Assert.Equal(["Comprehensive", "Convenience", "Independent"], windows.EnumerateArray().Select(w => w.Str("type")).Distinct().Order());

        var w01 = windows.EnumerateArray().Single(w => w.Str("number") == "W01");
        Assert.Equal("综合窗口", w01.Str("typeName"));
        Assert.Equal("0776-3821201", w01.Str("phone"));
        Assert.Equal("0776-3821234", w01.Str("supervisionPhone"));
        Assert.Equal("黄海燕", w01.GetProperty("head").Str("name"));
        var market = w01.GetProperty("departments").EnumerateArray().Single(d => d.Str("department") == "market-regulation");
        Assert.Equal("德保县市场监督管理局", market.Str("departmentName"));
        Assert.Equal("中层正职", market.Str("headAuthorityName"));
        var items = w01.GetProperty("items").EnumerateArray().ToDictionary(i => i.Str("itemName"), i => i.Str("authority"));
        Assert.Equal("受理", items["食品经营许可"]);
        Assert.Equal("受理、当场办结", items["个体工商户设立登记"]);
        Assert.Equal(13, items.Count);

        // Staff are not published.
        Assert.DoesNotContain("window1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ThePublic_FindsTheWindowsForATypeAnItemOrADepartment()
    {
        var anonymous = hall.Host.CreateClient();

        var convenience = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/windows?type=Convenience");
        var forSocialSecurityCard = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/windows?item=452624-GG-RS-003");
        var forNaturalResources = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/windows?department=natural-resources");
        var one = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/windows/W04");

        Assert.Equal(["W06", "W07"], convenience.EnumerateArray().Select(w => w.Str("number")));
        Assert.Equal(["W05", "W06"], forSocialSecurityCard.EnumerateArray().Select(w => w.Str("number")));
        Assert.Equal(["W02", "W04"], forNaturalResources.EnumerateArray().Select(w => w.Str("number")));
        Assert.Equal("不动产登记窗口", one.Str("name"));
        Assert.Equal("国有建设用地使用权及房屋所有权转移登记", one.GetProperty("items")[0].Str("itemName"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/public/windows/W99")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/public/windows?type=Kiosk")).StatusCode);
    }
}
