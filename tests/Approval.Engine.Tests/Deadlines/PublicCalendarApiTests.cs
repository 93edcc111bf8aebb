using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests.Deadlines;

/// <summary>One host for the class: these endpoints only read.</summary>
public sealed class PublicCalendarApiTests(PublicCalendarApiTests.Host host) : IClassFixture<PublicCalendarApiTests.Host>
{
    private readonly HttpClient _anonymous = host.Engine.CreateClient();

    [Fact]
    public async Task GetDeadline_AnswersWithoutLogin()
    {
        var answer = await _anonymous.GetFromJsonAsync<JsonElement>("/api/public/calendar/deadline?accepted=2025-01-24&days=3");

        Assert.Equal("2025-02-05", answer.Str("deadline"));
        Assert.False(answer.GetProperty("provisional").GetBoolean());
        Assert.Equal(new DateTimeOffset(2025, 2, 5, 16, 0, 0, TimeSpan.Zero), answer.GetProperty("endsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task GetDeadline_IsProvisional_InAYearWithoutData()
    {
        var answer = await _anonymous.GetFromJsonAsync<JsonElement>("/api/public/calendar/deadline?accepted=2026-12-31&days=1");

        Assert.Equal("2027-01-01", answer.Str("deadline"));
        Assert.True(answer.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task PostDeadline_AddsPausesAndTheExtension()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/public/calendar/deadline", new
        {
            accepted = "2025-04-21",
            days = 15,
            pauses = new[] { new { start = "2025-04-28", end = "2025-05-07" } },
            extensionDays = 5,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2025-05-27", answer.Str("deadline"));
        Assert.False(answer.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task PostDeadline_WithoutPausesOrExtension_IsTheSimpleDeadline()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/public/calendar/deadline", new { accepted = "2025-09-30", days = 3 });

        Assert.Equal("2025-10-11", (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("deadline"));
    }

    [Fact]
    public async Task WorkingDays_CountsAfterFromThroughTo()
    {
        var year = await _anonymous.GetFromJsonAsync<JsonElement>("/api/public/calendar/working-days?from=2024-12-31&to=2025-12-31");
        Assert.Equal(248, year.GetProperty("workingDays").GetInt32());
        Assert.False(year.GetProperty("provisional").GetBoolean());

        var festival = await _anonymous.GetFromJsonAsync<JsonElement>("/api/public/calendar/working-days?from=2025-01-27&to=2025-02-08");
        Assert.Equal(4, festival.GetProperty("workingDays").GetInt32());

        var next = await _anonymous.GetFromJsonAsync<JsonElement>("/api/public/calendar/working-days?from=2026-12-31&to=2027-01-31");
        Assert.Equal(21, next.GetProperty("workingDays").GetInt32());
        Assert.True(next.GetProperty("provisional").GetBoolean());
    }

    [Theory]
    [InlineData("/api/public/calendar/deadline?accepted=2025-13-01&days=1", "accepted")]
    [InlineData("/api/public/calendar/deadline?accepted=2025/01/02&days=1", "accepted")]
    [InlineData("/api/public/calendar/deadline?days=1", "accepted")]
    [InlineData("/api/public/calendar/deadline?accepted=1999-12-31&days=1", "accepted")]
    [InlineData("/api/public/calendar/deadline?accepted=2025-01-02&days=-1", "days")]
    [InlineData("/api/public/calendar/deadline?accepted=2025-01-02&days=3651", "days")]
    [InlineData("/api/public/calendar/deadline?accepted=2025-01-02&days=ten", "days")]
    [InlineData("/api/public/calendar/deadline?accepted=2025-01-02", "days")]
    [InlineData("/api/public/calendar/working-days?from=2025-02-01&to=2025-01-01", "to")]
    [InlineData("/api/public/calendar/working-days?from=yesterday&to=2025-01-01", "from")]
    public async Task Get_ReturnsBadRequest_NamingTheParameter(string url, string where)
    {
        var response = await _anonymous.GetAsync(url);

        await AssertProblemAsync(response, where);
    }

    [Theory]
    [InlineData("""{"accepted":"2025-03-03","days":5,"pauses":[{"start":"2025-03-06","end":"2025-03-05"}]}""", "/pauses/0/end")]
    [InlineData("""{"accepted":"2025-03-03","days":5,"pauses":[{"start":"2025-03-01","end":"2025-03-05"}]}""", "/pauses/0/start")]
    [InlineData("""{"accepted":"2025-03-03","days":5,"pauses":[{"start":"2025-03-04"}]}""", "/pauses/0/end")]
    [InlineData("""{"accepted":"2025-03-03","days":5,"extensionDays":366}""", "/extensionDays")]
    [InlineData("""{"accepted":"2025-03-03","days":5,"extensionDays":-1}""", "/extensionDays")]
    [InlineData("""{"accepted":"2025-03-03"}""", "/days")]
    [InlineData("""{"days":5}""", "/accepted")]
    public async Task PostDeadline_ReturnsBadRequest_SayingWhere(string body, string where)
    {
        var response = await _anonymous.PostAsync("/api/public/calendar/deadline", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, where);
    }

    [Theory]
    [InlineData("""{"accepted":"2025-02-30","days":5}""")]
    [InlineData("""{"accepted":"2025-03-03","days":"5"}""")]
    [InlineData("""{"accepted":"2025-03-03","days":5,"holidays":[]}""")]
    [InlineData("not json")]
    public async Task PostDeadline_ReturnsBadRequest_ForABodyThatDoesNotRead(string body)
    {
        var response = await _anonymous.PostAsync("/api/public/calendar/deadline", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string where)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(where, out _), problem.ToString());
    }

    public sealed class Host : IAsyncLifetime
    {
        public ApprovalHost Engine { get; } = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Engine.DisposeAsync();
    }
}
