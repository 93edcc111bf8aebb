using System.Net;
using System.Text.Json;

namespace Approval.Engine.Tests.Hardening;

/// <summary>
/// A path no API endpoint answers tells an anonymous caller nothing: 401 like any protected route,
/// whatever the id's shape; 404 to a signed-in caller and, on the public routes, to anyone.
/// </summary>
public sealed class UnmatchedApiPathsTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();
    private HttpClient _anonymous = null!;
    private HttpClient _window = null!;

    public async Task InitializeAsync()
    {
        _anonymous = _host.CreateClient();
        _window = await _host.LoginAsync("window1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // A subtle failure this guards against: /api/cases/1 matched no route ({id:guid}), so an outsider
    // got 404 where a real id got 401, and could tell routes and id shapes apart without signing in.
    [Theory]
    [InlineData("/api/cases/1")]
    [InlineData("/api/cases/1/materials")]
    [InlineData("/api/whatever")]
    [InlineData("/api/cases/report.pdf")]
    [InlineData("/API/Cases/1")]
    public async Task AnUnmatchedPath_IsA401Problem_ToAnAnonymousCaller(string path)
    {
        var response = await _anonymous.GetAsync(path);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task ARealCase_IsA401Problem_ToAnAnonymousCaller_AsAnUnmatchedPathIs()
    {
        var @case = await _window.CreateCaseAsync();

        var real = await _anonymous.GetAsync($"/api/cases/{@case.Id()}");
        var unmatched = await _anonymous.GetAsync("/api/cases/1");

        await AssertProblemAsync(real, HttpStatusCode.Unauthorized);
        await AssertProblemAsync(unmatched, HttpStatusCode.Unauthorized);
        Assert.Equal(real.Headers.WwwAuthenticate.ToString(), unmatched.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("/api/cases/1")]
    [InlineData("/api/whatever")]
    [InlineData("/api/public/nonsense")]
    public async Task AnUnmatchedPath_IsA404Problem_ToASignedInCaller(string path) =>
        await AssertProblemAsync(await _window.GetAsync(path), HttpStatusCode.NotFound);

    [Theory]
    [InlineData("/api/public/nonsense")]
    [InlineData("/api/public/items/a/b")]
    [InlineData("/api/auth/nonsense")]
    public async Task AnUnmatchedPublicPath_IsA404Problem_ToAnyone(string path) =>
        await AssertProblemAsync(await _anonymous.GetAsync(path), HttpStatusCode.NotFound);

    // A subtle failure this guards against: a catch-all for unmatched paths that takes every method
    // turns routing's 405 for a wrong method on a real route into a 401 or 404.
    [Fact]
    public async Task AWrongMethod_OnARealRoute_StaysA405_ForEveryone()
    {
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _anonymous.DeleteAsync("/api/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _window.DeleteAsync("/api/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _anonymous.DeleteAsync("/api/public/items")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _anonymous.PutAsync("/api/cases", null)).StatusCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
    }
}
