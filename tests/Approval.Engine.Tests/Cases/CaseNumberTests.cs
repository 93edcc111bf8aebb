using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Cases;

namespace Approval.Engine.Tests.Cases;

/// <summary>
/// 受理编号 and 查询码: every case is numbered at filing by county, day and that day's sequence, without
/// gaps or twins under concurrent filings on one node or several; the number finds the case.
/// </summary>
public sealed class CaseNumberTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero); // 10:00 in China

    [Fact]
    public async Task Cases_AreNumberedByCountyDayAndSequence_WithAQueryCodeEach()
    {
        await using var host = new ApprovalHost(start: Monday);
        var window = await host.LoginAsync("window1");

        var first = await window.CreateCaseAsync();
        var second = await window.CreateCaseAsync();

        Assert.Equal("452624-20261207-0001", first.Str("number"));
        Assert.Equal("452624-20261207-0002", second.Str("number"));
        foreach (var code in new[] { first.Str("queryCode"), second.Str("queryCode") })
        {
            Assert.Equal(6, code.Length);
            Assert.All(code, c => Assert.Contains(c, CaseNumbers.QueryCodeAlphabet));
        }

        Assert.NotEqual(first.Str("queryCode"), second.Str("queryCode"));
        Assert.Equal(first.Str("number"), (await window.GetCaseAsync(first.Id())).Str("number"));
    }

    [Fact]
    public async Task TheSequence_StartsAgainEachDay_InChinaTime()
    {
        // 23:30 on 7 December in China is 15:30 UTC; an hour later it is the 8th there.
        await using var host = new ApprovalHost(start: new DateTimeOffset(2026, 12, 7, 15, 30, 0, TimeSpan.Zero));
        var window = await host.LoginAsync("window1");

        var late = await window.CreateCaseAsync();
        host.Clock.Advance(TimeSpan.FromHours(1));
        var next = await window.CreateCaseAsync();

        Assert.Equal("452624-20261207-0001", late.Str("number"));
        Assert.Equal("452624-20261208-0001", next.Str("number"));
    }

    [Fact]
    public async Task TheNumber_FindsTheCase_AmongThoseTheCallerMaySee()
    {
        await using var host = new ApprovalHost(start: Monday);
        var window = await host.LoginAsync("window1");
        var created = await window.CreateCaseAsync();
        await window.CreateCaseAsync();

        var found = await window.GetFromJsonAsync<JsonElement>($"/api/cases?number={created.Str("number")}");
        var none = await window.GetFromJsonAsync<JsonElement>("/api/cases?number=452624-20261207-9999");
        var applicant = await (await host.LoginAsync("applicant1")).GetFromJsonAsync<JsonElement>($"/api/cases?number={created.Str("number")}");

        Assert.Equal([created.Id()], found.EnumerateArray().Select(c => c.Id()));
        Assert.Equal(created.Str("number"), found[0].Str("number"));
        Assert.Equal(0, none.GetArrayLength());
        Assert.Equal(0, applicant.GetArrayLength()); // not theirs: no such case for them
    }

    [Fact]
    public async Task ANumberTooLong_IsAProblemAtNumber()
    {
        await using var host = new ApprovalHost(start: Monday);
        var window = await host.LoginAsync("window1");

        var response = await window.GetAsync($"/api/cases?number={new string('9', 40)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("number", out _));
    }

    [Fact]
    public async Task ConcurrentFilings_OnTwoNodes_TakeEveryNumberOnce()
    {
        await using var nodeA = new ApprovalHost(start: Monday);
        await using var nodeB = new ApprovalHost(nodeA.DatabasePath, start: Monday);
        var windowA = await nodeA.LoginAsync("window1");
        var windowB = await nodeB.LoginAsync("window1");
        var code = await nodeA.ItemForAsync("standard-licence"); // made once, on the one database

        var filings = Enumerable.Range(0, 16).Select(i => FileAsync(i % 2 == 0 ? windowA : windowB, code));
        var numbers = (await Task.WhenAll(filings)).ToList();

        var expected = Enumerable.Range(1, 16).Select(n => $"452624-20261207-{n:D4}");
        Assert.Equal(expected.Order(), numbers.Order());
    }

    [Fact]
    public async Task ATrialCase_HasASequenceOfItsOwn_AndLeavesNoGapInTheRealOnes()
    {
        await using var host = new ApprovalHost(start: Monday);
        var window = await host.LoginAsync("window1");
        var admin = await host.LoginAsync("admin");

        var real = await window.CreateCaseAsync();
        var trial = await (await admin.PostAsJsonAsync("/api/cases", new { definitionId = "standard-licence", department = "market-regulation" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var next = await window.CreateCaseAsync();

        Assert.Equal("452624-20261207-S0001", trial.Str("number"));
        Assert.Equal("452624-20261207-0002", next.Str("number"));
        Assert.Equal("452624-20261207-0001", real.Str("number"));
    }

    [Fact]
    public async Task TheCountyCode_IsTheCentres()
    {
        await using var host = new ApprovalHost(start: Monday, settings: new Dictionary<string, string?> { ["Centre:CountyCode"] = "450100" });
        var window = await host.LoginAsync("window1");

        Assert.Equal("450100-20261207-0001", (await window.CreateCaseAsync()).Str("number"));
    }

    private static async Task<string> FileAsync(HttpClient window, string itemCode)
    {
        var response = await window.PostAsJsonAsync("/api/cases", new { itemCode, applicant = new { name = "李四" } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("number");
    }
}
