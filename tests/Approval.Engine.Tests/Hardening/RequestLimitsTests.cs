using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Approval.Engine.Tests.Hardening;

/// <summary>Request bodies over the limit, declared or not, get a 413 ProblemDetails, never a reset connection.</summary>
public sealed class RequestLimitsTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new(settings: new Dictionary<string, string?> { ["Http:MaxBodyBytes"] = "10000" });
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _host.LoginAsync("admin");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Definition(int padding) =>
        JsonSerializer.Serialize(new { definitionId = "padded", name = new string('x', padding), version = 1, activities = Array.Empty<object>(), connections = Array.Empty<object>() });

    [Fact]
    public async Task ADeclaredLengthOverTheLimit_IsRefusedAtOnce()
    {
        var response = await _admin.PostAsync("/api/definitions/validate", new StringContent(Definition(20_000), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("10000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimit_IsCountedAsItIsRead()
    {
        // No Content-Length: the test server, like Kestrel for chunked bodies, only knows the size by reading.
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Definition(20_000))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions/validate") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ABodyUnderTheLimit_IsRead_AndNestingPastTheDepthLimit_IsA400()
    {
        var small = await _admin.PostAsync("/api/definitions/validate", new StringContent(Definition(100), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, small.StatusCode); // read, and found to be no flow (no Start)
        Assert.Contains("validationErrors", await small.Content.ReadAsStringAsync());

        var deep = await _admin.PostAsync("/api/cases", new StringContent(
            "{\"definitionId\":\"standard-licence\",\"data\":" + string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70) + "}",
            Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Contains("depth", await deep.Content.ReadAsStringAsync());
    }
}
