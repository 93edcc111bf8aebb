using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Approval.Engine.Tests.Hardening;
using Microsoft.AspNetCore.Routing.Patterns;
using Xunit.Abstractions;

namespace Approval.Engine.Tests.Hardening;

/// <summary>
/// Every write endpoint the app maps (found in its EndpointDataSource, so a new one is covered the day
/// it is added) gets malformed, truncated, wrong-typed, oversized and otherwise bad requests, as a user
/// allowed to call it; every answer must be a 4xx ProblemDetails, and no record may change.
/// </summary>
public sealed class MalformedInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();
    private readonly Dictionary<string, HttpClient> _clients = [];
    private string _caseId = "";
    private string _taskId = "";
    private string _itemCode = "";

    public async Task InitializeAsync()
    {
        var window = await ClientAsync("window1");
        var created = await window.CreateCaseAsync();
        _caseId = created.Id();
        _taskId = created.OpenTask("accept");
        _itemCode = await _host.ItemForAsync("standard-licence");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EveryWriteEndpoint_RefusesBadInput_WithAProblem_AndChangesNothing()
    {
        var endpoints = WriteEndpoint.All(_host.Services);
        output.WriteLine(string.Join("\n", endpoints.Select(e => $"{e.Name} as {e.User}")));
        Assert.Contains(endpoints, e => e.Name.StartsWith("POST /api/cases/{id:guid}/materials", StringComparison.Ordinal));
        Assert.True(endpoints.Count > 25, $"Only {endpoints.Count} write endpoints found.");

        var before = await DataSnapshot.TakeAsync(_host);
        var failures = new List<string>();
        var sent = 0;
        foreach (var endpoint in endpoints)
        {
            var client = await ClientAsync(endpoint.User);

            // An endpoint without a body acts on its ids alone (a delete, a publish): it only ever gets ids that name nothing.
            if (!endpoint.TakesBody && endpoint.Pattern.Parameters.Count == 0)
            {
                output.WriteLine($"{endpoint.Name}: takes no input at all.");
                continue;
            }

            var known = Path(endpoint.Pattern, known: endpoint.TakesBody);
            foreach (var (kind, contentType, body) in endpoint.BadBodies())
            {
                failures.AddRange(await SendAsync(client, endpoint, known, kind, contentType, body));
                sent++;
            }

            // Ids that name nothing, or are not ids at all, with a body that would otherwise do.
            if (endpoint.Pattern.Parameters.Count > 0)
            {
                failures.AddRange(await SendAsync(client, endpoint, Path(endpoint.Pattern, known: false), "unknown route ids", "application/json", "{}"));
                failures.AddRange(await SendAsync(client, endpoint, Path(endpoint.Pattern, known: false, malformed: true), "malformed route ids", "application/json", "{}"));
                sent += 2;
            }
        }

        output.WriteLine($"{endpoints.Count} write endpoints, {sent} bad requests.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await DataSnapshot.TakeAsync(_host));
    }

    private async Task<IEnumerable<string>> SendAsync(HttpClient client, WriteEndpoint endpoint, string path, string kind, string contentType, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var type = response.Content.Headers.ContentType?.MediaType;
        if (status is >= 400 and < 500 && type == "application/problem+json")
        {
            return [];
        }

        var text = await response.Content.ReadAsStringAsync();
        return [$"{endpoint.Name} as {endpoint.User} with {kind}: {status} {type} {text[..Math.Min(300, text.Length)]}"];
    }

    private string Path(RoutePattern pattern, bool known, bool malformed = false)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(
                        malformed ? "not an id!" : known ? Known(pattern, parameter.Name) : Unknown(parameter)),
                    _ => "",
                });
            }
        }

        return path.ToString();
    }

    private string Known(RoutePattern pattern, string parameter) => parameter switch
    {
        "id" when pattern.RawText!.StartsWith("/api/tasks", StringComparison.Ordinal) => _taskId,
        "id" when pattern.RawText!.StartsWith("/api/cases", StringComparison.Ordinal) => _caseId,
        "id" => pattern.Parameters.Single(p => p.Name == "id").ParameterPolicies.Any(p => p.Content == "guid") ? Guid.NewGuid().ToString() : "1",
        "number" => "W01",
        "itemCode" or "code" => _itemCode,
        "definitionId" => "standard-licence",
        "year" => "2026",
        "date" => "2026-10-08",
        "pauseId" => "1",
        "userName" => "window1",
        "sha256" => new string('0', 64),
        _ => "x",
    };

    private static string Unknown(RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Any(p => p.Content == "guid") ? Guid.NewGuid().ToString()
        : parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") ? "987654321"
        : parameter.Name == "date" ? "2026-02-30"
        : "no-such-" + parameter.Name.ToLowerInvariant();

    private async Task<HttpClient> ClientAsync(string user)
    {
        if (!_clients.TryGetValue(user, out var client))
        {
            client = await _host.LoginAsync(user);
            _clients[user] = client;
        }

        return client;
    }
}
