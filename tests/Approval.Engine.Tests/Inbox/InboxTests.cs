using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests.Inbox;

/// <summary>
/// The inbox (<c>GET /api/tasks</c>): each task with its case's number, item, applicant and deadlines,
/// the first due first, marked as the timers judge it, filtered and paged.
/// </summary>
public sealed class InboxTests : IAsyncLifetime
{
    // Monday 7 December 2026, 10:00 in China: a working week ahead.
    private readonly ApprovalHost _host = new(start: new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
    private HttpClient _window = null!;
    private HttpClient _handler = null!;
    private string _item = null!;

    public async Task InitializeAsync()
    {
        _window = await _host.LoginAsync("window1");
        _handler = await _host.LoginAsync("handler1");
        _item = await _host.ItemForAsync("standard-licence");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ATask_ComesWithItsCasesNumberItemApplicantAndDeadlines()
    {
        var @case = await AcceptedAsync();

        var (rows, total) = await InboxAsync(_handler, "");
        var row = rows.Single(r => r.GetProperty("caseId").GetString() == @case.Id());

        Assert.Equal(1, total);
        Assert.Equal(@case.Str("number"), row.Str("caseNumber"));
        Assert.Equal(_item, row.Str("itemCode"));
        Assert.Equal("测试事项（standard-licence）", row.Str("itemName"));
        Assert.Equal("李四", row.Str("applicantName"));
        Assert.Equal("review", row.Str("activityId"));
        Assert.Equal((await _handler.GetCaseAsync(@case.Id())).GetProperty("clock").Str("promisedDeadline"), row.Str("dueOn"));
        Assert.Equal(10, row.GetProperty("caseDaysLeft").GetInt32());
        Assert.Equal("None", row.Str("level"));
        Assert.Contains("Pass", row.GetProperty("outcomes").EnumerateArray().Select(o => o.Str("name")));
    }

    [Fact]
    public async Task TheFirstDue_IsFirst_WhateverCameIn()
    {
        var ordinary = await AcceptedAsync();
        var major = await AcceptedAsync(majorProject: true); // half the promised limit: due sooner, though it came later

        var (rows, _) = await InboxAsync(_handler, "");

        Assert.Equal([major.Id(), ordinary.Id()], rows.Select(r => r.GetProperty("caseId").GetString()));
    }

    [Fact]
    public async Task TheMarks_FollowTheTimers_YellowRedStatutory()
    {
        var @case = await AcceptedAsync();

        // Accepted on Monday 7th (not counted): the tenth working day, the promised deadline, is Monday 21st.
        _host.Clock.Advance(TimeSpan.FromDays(15)); // Tuesday 22nd: the promised deadline has passed
        var red = (await InboxAsync(await _host.LoginAsync("handler1"), "")).Rows.Single();
        _host.Clock.Advance(TimeSpan.FromDays(30));
        var statutory = (await InboxAsync(await _host.LoginAsync("handler1"), "")).Rows.Single();

        Assert.Equal("Red", red.Str("level"));
        Assert.True(red.GetProperty("caseDaysLeft").GetInt32() < 0);
        Assert.Equal("Statutory", statutory.Str("level"));
        Assert.Equal(@case.Id(), statutory.GetProperty("caseId").GetString());
    }

    [Fact]
    public async Task TheDayTheYellowWarningComes_TheTaskIsYellow()
    {
        await AcceptedAsync();

        _host.Clock.Advance(TimeSpan.FromDays(14)); // Monday 21st, 10:00: the tenth working day, past 90% of ten
        var row = (await InboxAsync(await _host.LoginAsync("handler1"), "")).Rows.Single();

        Assert.Equal("Yellow", row.Str("level"));
        Assert.Equal(0, row.GetProperty("caseDaysLeft").GetInt32());
    }

    [Fact]
    public async Task Filters_ByLevelStepItemAndNumber_AndPages()
    {
        var first = await AcceptedAsync();
        var second = await AcceptedAsync();

        var (page, total) = await InboxAsync(_handler, "?take=1");
        var (byNumber, _) = await InboxAsync(_handler, $"?number={second.Str("number")}");
        var (reds, _) = await InboxAsync(_handler, "?level=Red,Statutory");
        var (nones, _) = await InboxAsync(_handler, "?level=none&step=review&item=" + _item);
        var (otherStep, _) = await InboxAsync(_handler, "?step=decide");

        Assert.Single(page);
        Assert.Equal(2, total);
        Assert.Equal([second.Id()], byNumber.Select(r => r.GetProperty("caseId").GetString()));
        Assert.Empty(reds);
        Assert.Equal(2, nones.Count);
        Assert.Empty(otherStep);
        Assert.Contains(first.Id(), nones.Select(r => r.GetProperty("caseId").GetString()));
    }

    [Fact]
    public async Task Scopes_MineDepartmentAndWindow()
    {
        var filedHere = await FiledAsync(_window);
        var other = await FiledAsync(await _host.LoginAsync("applicant1")); // filed on line: no window's yet

        var (mine, _) = await InboxAsync(_window, "?scope=mine");
        var (window, _) = await InboxAsync(_window, "?scope=window");
        var (all, _) = await InboxAsync(_window, "");
        var department = await _handler.GetAsync("/api/tasks?scope=department");

        Assert.Equal([filedHere.Id()], mine.Select(r => r.GetProperty("caseId").GetString()));
        Assert.Equal([filedHere.Id()], window.Select(r => r.GetProperty("caseId").GetString()));
        Assert.Contains(other.Id(), all.Select(r => r.GetProperty("caseId").GetString()));
        Assert.Equal(HttpStatusCode.OK, department.StatusCode);
    }

    [Theory]
    [InlineData("?scope=everyone", "scope")]
    [InlineData("?level=orange", "level")]
    [InlineData("?level=1", "level")]
    [InlineData("?take=0", "take")]
    public async Task ABadQuery_IsAProblemAtItsParameter(string query, string where)
    {
        var response = await _handler.GetAsync("/api/tasks" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(where, out _));
    }

    [Fact]
    public async Task AWindowScope_IsForWindowStaff()
    {
        var response = await _handler.GetAsync("/api/tasks?scope=window");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonElement> FiledAsync(HttpClient clerk, bool majorProject = false)
    {
        var response = await clerk.PostAsJsonAsync("/api/cases", new
        {
            itemCode = _item,
            applicant = new { name = "李四", phone = "13800000000" },
            materials = new[] { new { name = "申请书", originals = 1, copies = 0 } },
            majorProject,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> AcceptedAsync(bool majorProject = false)
    {
        var @case = await FiledAsync(_window, majorProject);
        await _window.CompleteOkAsync(@case.OpenTask("accept"), "Accepted");
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return @case;
    }

    private static async Task<(List<JsonElement> Rows, int Total)> InboxAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/tasks" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var total = int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
        return ([.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()], total);
    }
}
