using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Approval.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Hardening;

/// <summary>
/// A request line with raw (unencoded) UTF-8 in its target, written byte for byte over a socket to the
/// Engine on a real Kestrel port: HttpClient would percent-encode it, and the test server has no request line.
/// </summary>
public sealed class RequestTargetGuardTests : IDisposable
{
    private readonly KestrelEngine _engine = new("target-guard", builder => builder.ConfigureTestServices(services =>
    {
        services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000);
        services.AddSingleton<Hangfire.JobStorage>(new Hangfire.InMemory.InMemoryStorage());
    }));

    public void Dispose() => _engine.Dispose();

    // A subtle failure this guards against: Kestrel refuses such a line before any middleware runs,
    // with a 400 and an empty body that tells the caller nothing.
    [Theory]
    [InlineData("/api/public/items?name=食品", "/api/public/items?name=%E9%A3%9F%E5%93%81")]
    [InlineData("/api/public/items/食品", "/api/public/items/%E9%A3%9F%E5%93%81")]
    [InlineData("/api/cases?q=a%20b&name=张三", "/api/cases?q=a%20b&name=%E5%BC%A0%E4%B8%89")]
    public async Task ARawUtf8Target_IsA400Problem_SayingToPercentEncode_WithTheEncodedTarget(string target, string encoded)
    {
        var (head, body) = await SendAsync(Encoding.UTF8.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));

        Assert.StartsWith("HTTP/1.1 400 ", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("percent-encode", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(encoded, problem.RootElement.GetProperty("encodedTarget").GetString());
    }

    [Fact]
    public async Task ARawTarget_ThatIsNotUtf8_IsRefused_WithoutAnEncodedTargetToTry()
    {
        // 张三 in GBK, as a Chinese Windows client may send it (FD is no UTF-8 continuation byte).
        var gbk = new byte[] { 0xD5, 0xC5, 0xC8, 0xFD };
        var request = Encoding.ASCII.GetBytes("GET /api/public/items?name=").Concat(gbk).Concat(Encoding.ASCII.GetBytes(" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));

        var (head, body) = await SendAsync([.. request]);

        Assert.StartsWith("HTTP/1.1 400 ", head, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        Assert.False(problem.RootElement.TryGetProperty("encodedTarget", out _));
    }

    [Fact]
    public async Task TheEncodedTarget_IsAnswered_AndSearchesByTheName()
    {
        var (head, body) = await SendAsync(Encoding.ASCII.GetBytes("GET /api/public/items?name=%E9%A3%9F%E5%93%81 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));

        Assert.StartsWith("HTTP/1.1 200 ", head, StringComparison.Ordinal);
        Assert.Contains("食品", body, StringComparison.Ordinal);
    }

    // Writes the bytes as they are and reads the whole answer (the guard and Connection: close both end the connection).
    private async Task<(string Head, string Body)> SendAsync(byte[] request)
    {
        var address = new Uri(_engine.Address);
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(request);
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer);
        var text = Encoding.UTF8.GetString(answer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"No HTTP answer: {text}");
        return (text[..split], text[(split + 4)..]);
    }
}
