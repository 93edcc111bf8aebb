using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Approval.Bench;

/// <summary>
/// The engine's HTTP API over one pooled client. A call that does not answer 2xx, or throws, is
/// recorded in <see cref="Failures"/> and gives null, so a driver just stops that case.
/// </summary>
internal sealed class EngineClient(Uri baseAddress, int connections, Failures failures) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        UseCookies = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(120),
    };

    public async Task<string?> LoginAsync(string userName, string password, CancellationToken ct) =>
        (await SendAsync<LoginResponse>(HttpMethod.Post, "/api/auth/login", null, new { userName, password }, null, ct))?.AccessToken;

    public Task<CreatedCase?> CreateCaseAsync(string token, int number, Latencies? latencies, CancellationToken ct) =>
        SendAsync<CreatedCase>(HttpMethod.Post, "/api/cases", token, new
        {
            // 食品经营许可 of the sample catalogue: the standard licence flow, in market-regulation.
            itemCode = "452624-XK-SCJG-001",
            applicant = new { name = $"Bench applicant {number}", idNumber = $"BENCH{number:D8}", phone = "0000" },
            materials = new[] { new { name = "食品经营许可申请书", originals = 1, copies = 0 } },
            data = new { licenceType = "food-business", number },
        }, latencies, ct);

    public Task<CompletedTask?> CompleteAsync(string token, Guid taskId, string outcome, Latencies? latencies, CancellationToken ct) =>
        SendAsync<CompletedTask>(HttpMethod.Post, $"/api/tasks/{taskId}/complete", token,
            new { outcome, comment = "bench" }, latencies, ct);

    public Task<CaseView?> GetCaseAsync(string token, Guid id, CancellationToken ct) =>
        SendAsync<CaseView>(HttpMethod.Get, $"/api/cases/{id}", token, null, null, ct);

    /// <summary>A request whose body is read and dropped: for baselines.</summary>
    public async Task<bool> GetAsync(string path, string? token, Latencies? latencies, CancellationToken ct) =>
        await SendAsync<object>(HttpMethod.Get, path, token, null, latencies, ct, readBody: false) is not null;

    public void Dispose() => _http.Dispose();

    private async Task<T?> SendAsync<T>(
        HttpMethod method, string path, string? token, object? body, Latencies? latencies, CancellationToken ct, bool readBody = true)
        where T : class
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Wire.Options);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            latencies?.Add(started);
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                failures.Add($"{method} {path} -> {(int)response.StatusCode}: {Shorten(text)}");
                return null;
            }

            return readBody
                ? await response.Content.ReadFromJsonAsync<T>(Wire.Options, ct)
                : (T)(object)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            failures.Add($"{method} {path} -> {e.GetType().Name}: {Shorten(e.Message)}");
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
