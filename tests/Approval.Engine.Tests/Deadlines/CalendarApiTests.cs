using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Deadlines;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Deadlines;

public sealed class CalendarApiTests : IAsyncLifetime
{
    private readonly RecordingListener _listener = new();
    private readonly ApprovalHost _host;
    private HttpClient _admin = null!;

    public CalendarApiTests() =>
        _host = new ApprovalHost { TestServices = s => s.AddSingleton<ICalendarChangeListener>(_listener) };

    public async Task InitializeAsync() => _admin = await _host.LoginAsync("admin");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FirstStart_StoresTheShippedYears_AndTellsTheListeners()
    {
        var window = await _host.LoginAsync("window1");

        var years = await window.GetFromJsonAsync<JsonElement>("/api/calendar");
        var year = await window.GetFromJsonAsync<JsonElement>("/api/calendar/2025");

        Assert.Equal(["2025:248", "2026:248"], years.EnumerateArray().Select(y => $"{y.GetProperty("year").GetInt32()}:{y.GetProperty("workingDays").GetInt32()}"));
        Assert.Contains("国办发明电〔2024〕12号", year.Str("source"));
        var days = year.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(5, days.Count(d => d.Str("kind") == "MakeUpWorkday"));
        Assert.Contains(days, d => d.Str("date") == "2025-01-26" && d.Str("kind") == "MakeUpWorkday" && d.Str("name") == "春节");
        Assert.Equal([[2025, 2026]], _listener.Calls);
    }

    [Fact]
    public async Task Reading_NeedsASignIn_AndAYearWithoutDataIsNotFound()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().GetAsync("/api/calendar/2025")).StatusCode);
        var missing = await _admin.GetAsync("/api/calendar/2027");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AddingAYear_MakesItsProvisionalDeadlineExact_AndTellsTheListeners()
    {
        var before = await _admin.GetFromJsonAsync<JsonElement>("/api/public/calendar/deadline?accepted=2026-12-31&days=1");
        Assert.Equal("2027-01-01", before.Str("deadline"));
        Assert.True(before.GetProperty("provisional").GetBoolean());

        var response = await _admin.PutAsJsonAsync("/api/calendar/2027", Year2027());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("admin", stored.Str("updatedBy"));
        var after = await _admin.GetFromJsonAsync<JsonElement>("/api/public/calendar/deadline?accepted=2026-12-31&days=1");
        Assert.Equal("2027-01-04", after.Str("deadline"));
        Assert.False(after.GetProperty("provisional").GetBoolean());
        Assert.Equal([2027], _listener.Calls[^1]);
    }

    [Fact]
    public async Task WritingTheCalendar_IsForAdministratorsOnly()
    {
        var handler = await _host.LoginAsync("handler1");

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PutAsJsonAsync("/api/calendar/2027", Year2027())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PutAsJsonAsync("/api/calendar/days/2025-03-04", new { kind = "Holiday" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().PutAsJsonAsync("/api/calendar/2027", Year2027())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync("/api/calendar/2027")).StatusCode);
        Assert.Equal("2025-03-04", await DeadlineAsync("2025-03-03", 1));
    }

    [Fact]
    public async Task AnInvalidYear_IsBadRequestSayingWhere_AndChangesNothing()
    {
        var before = await _admin.GetStringAsync("/api/calendar/2026");
        var body = new
        {
            source = "改错了的通知",
            holidays = new object[]
            {
                new { name = "元旦", from = "2026-01-01", to = "2026-01-03", makeUpWorkdays = new[] { "2026-01-05" } },
                new { name = "春节", from = "2025-02-15", to = "2026-02-23", makeUpWorkdays = new[] { "2026-01-03" } },
                new { name = "又一个元旦", from = "2026-01-02", to = "2026-01-02", makeUpWorkdays = Array.Empty<string>() },
            },
        };

        var response = await _admin.PutAsJsonAsync("/api/calendar/2026", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["/holidays/0/makeUpWorkdays/0", "/holidays/1/from", "/holidays/1/makeUpWorkdays/0", "/holidays/2/from"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(before, await _admin.GetStringAsync("/api/calendar/2026"));
        Assert.Equal("2026-01-04", await DeadlineAsync("2025-12-31", 1));
        Assert.Equal([[2025, 2026]], _listener.Calls);

        var wrongYear = await _admin.PutAsJsonAsync("/api/calendar/2026", Year2027());
        Assert.Equal(HttpStatusCode.BadRequest, wrongYear.StatusCode);
        Assert.Equal(before, await _admin.GetStringAsync("/api/calendar/2026"));
    }

    [Fact]
    public async Task ReplacingAYear_KeepsOnlyTheNewDays()
    {
        var body = new
        {
            source = "更正后的通知",
            holidays = new[] { new { name = "春节", from = "2025-01-28", to = "2025-02-05", makeUpWorkdays = new[] { "2025-01-26" } } },
        };

        var response = await _admin.PutAsJsonAsync("/api/calendar/2025", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var year = await _admin.GetFromJsonAsync<JsonElement>("/api/calendar/2025");
        Assert.Equal("更正后的通知", year.Str("source"));
        Assert.Equal(10, year.GetProperty("days").GetArrayLength());
        Assert.Equal("2025-01-01", await DeadlineAsync("2024-12-31", 1));         // New Year is gone: a Wednesday
        Assert.Equal("2025-02-06", await DeadlineAsync("2025-01-27", 1));         // 02-05 is now off
        Assert.Equal("2025-10-02", await DeadlineAsync("2025-09-30", 2));         // National Day is gone
        Assert.Equal([2025], _listener.Calls[^1]);
    }

    [Fact]
    public async Task AdjustingOneDay_MovesTheDeadline_AndNormalMovesItBack()
    {
        Assert.Equal("2025-03-04", await DeadlineAsync("2025-03-03", 1));

        var holiday = await _admin.PutAsJsonAsync("/api/calendar/days/2025-03-04", new { kind = "Holiday", name = "临时放假" });
        Assert.Equal(HttpStatusCode.OK, holiday.StatusCode);
        Assert.False((await holiday.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("workingDay").GetBoolean());
        Assert.Equal("2025-03-05", await DeadlineAsync("2025-03-03", 1));
        Assert.Equal([2025], _listener.Calls[^1]);

        Assert.Equal(HttpStatusCode.OK, (await _admin.PutAsJsonAsync("/api/calendar/days/2025-03-08", new { kind = "MakeUpWorkday" })).StatusCode);
        Assert.Equal("2025-03-08", await DeadlineAsync("2025-03-07", 1));

        Assert.Equal(HttpStatusCode.OK, (await _admin.PutAsJsonAsync("/api/calendar/days/2025-03-04", new { kind = "Normal" })).StatusCode);
        Assert.Equal("2025-03-04", await DeadlineAsync("2025-03-03", 1));

        // A day off of the notice can be given back too.
        Assert.Equal(HttpStatusCode.OK, (await _admin.PutAsJsonAsync("/api/calendar/days/2025-10-08", new { kind = "Normal" })).StatusCode);
        Assert.Equal("2025-10-08", await DeadlineAsync("2025-09-30", 1));
    }

    [Theory]
    [InlineData("2025-03-04", """{"kind":"MakeUpWorkday"}""", "/kind")]
    [InlineData("2025-03-04", """{"name":"无类型"}""", "/kind")]
    [InlineData("2025-03-04", """{"kind":7}""", "/kind")]
    [InlineData("2025-3-4", """{"kind":"Holiday"}""", "date")]
    public async Task AdjustingOneDay_ReturnsBadRequest_ForBadInput_AndChangesNothing(string date, string body, string where)
    {
        var response = await _admin.PutAsync($"/api/calendar/days/{date}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(where, out _));
        Assert.Equal("2025-03-04", await DeadlineAsync("2025-03-03", 1));
        Assert.Single(_listener.Calls);
    }

    [Fact]
    public async Task AdjustingADayOfAYearWithoutData_IsNotFound()
    {
        var response = await _admin.PutAsJsonAsync("/api/calendar/days/2027-01-01", new { kind = "Holiday", name = "元旦" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("PUT /api/calendar/2027", await response.Content.ReadAsStringAsync());
        Assert.True((await _admin.GetFromJsonAsync<JsonElement>("/api/public/calendar/deadline?accepted=2026-12-31&days=1")).GetProperty("provisional").GetBoolean());
    }

    // The year files are imported only into a database without that year: a restart must never
    // put back a day an administrator changed.
    [Fact]
    public async Task AnAdministratorsChange_SurvivesARestart()
    {
        Assert.Equal(HttpStatusCode.OK, (await _admin.PutAsJsonAsync("/api/calendar/days/2025-03-04", new { kind = "Holiday" })).StatusCode);

        await using var restarted = new ApprovalHost(_host.DatabasePath);
        var answer = await restarted.CreateClient().GetFromJsonAsync<JsonElement>("/api/public/calendar/deadline?accepted=2025-03-03&days=1");

        Assert.Equal("2025-03-05", answer.Str("deadline"));
    }

    private async Task<string> DeadlineAsync(string accepted, int days) =>
        (await _admin.GetFromJsonAsync<JsonElement>($"/api/public/calendar/deadline?accepted={accepted}&days={days}")).Str("deadline");

    // Not a real notice: enough of a 2027 arrangement to move a deadline.
    private static object Year2027() => new
    {
        year = 2027,
        source = "测试用：2027年节假日安排",
        holidays = new[] { new { name = "元旦", from = "2027-01-01", to = "2027-01-03", makeUpWorkdays = Array.Empty<string>() } },
    };

    private sealed class RecordingListener : ICalendarChangeListener
    {
        private readonly ConcurrentQueue<int[]> _calls = new();

        public List<int[]> Calls => [.. _calls];

        public Task CalendarChangedAsync(IReadOnlyList<int> years, CancellationToken ct)
        {
            _calls.Enqueue([.. years]);
            return Task.CompletedTask;
        }
    }
}
