using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Approval.Engine.Http;

/// <summary>
/// Kestrel refuses a request line whose target holds raw non-ASCII bytes (<c>GET /api/public/items?name=食品</c>
/// sent unencoded, as curl sends what it is given) before any middleware runs, with an empty 400 that no
/// option widens or shapes. This connection middleware reads the first request line of each plain
/// HTTP/1.x connection before Kestrel does and answers such a target itself: a 400 ProblemDetails that
/// says to percent-encode it as UTF-8 (with the encoded target when the bytes are UTF-8), and the
/// connection closes, as Kestrel closes it after a bad request line. Any other line goes on to Kestrel untouched.
/// </summary>
/// <remarks>
/// Refused, not percent-encoded and passed on: a client that sends raw bytes sends GBK as readily as
/// UTF-8, and a search for the garbled text would quietly find nothing. Only the first line of a
/// connection: a later request on a kept-alive connection begins where the previous body ended, and
/// finding that would mean framing requests a second time beside Kestrel; it keeps Kestrel's empty 400.
/// Behind TLS terminated by Kestrel itself the bytes are encrypted here and pass untouched.
/// </remarks>
internal sealed class RequestTargetGuard(ConnectionDelegate next, KestrelServerOptions kestrel, TimeProvider clock, ILogger logger)
{
    private static readonly SearchValues<byte> Token = SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        byte[]? target;
        using (var timeout = new CancellationTokenSource(kestrel.Limits.RequestHeadersTimeout, clock))
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, connection.ConnectionClosed))
        {
            try
            {
                target = await NonAsciiTargetAsync(connection.Transport.Input, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // A first line slower than Kestrel's header timeout, or a closed connection: Kestrel deals with it.
                target = null;
            }
        }

        if (target is null)
        {
            await next(connection);
            return;
        }

        logger.LogDebug("Connection {ConnectionId}: a request target with raw non-ASCII bytes was refused", connection.ConnectionId);
        await connection.Transport.Output.WriteAsync(Refusal(target), connection.ConnectionClosed);
    }

    /// <summary>The first line's target when it holds bytes past ASCII; null for any other line, or none within the request line limit.</summary>
    private async Task<byte[]?> NonAsciiTargetAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var end = buffer.PositionOf((byte)'\n');
            if (end is null && !result.IsCompleted && buffer.Length <= kestrel.Limits.MaxRequestLineSize)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            var target = end is { } lineEnd ? NonAsciiTarget(buffer.Slice(0, lineEnd).ToArray()) : null;

            // Nothing consumed: Kestrel reads the same bytes from the start.
            input.AdvanceTo(buffer.Start);
            return target;
        }
    }

    // method SP request-target SP HTTP/1.x (RFC 9112 §3); anything else, the TLS handshake and the HTTP/2 preface included, is not ours.
    private static byte[]? NonAsciiTarget(ReadOnlySpan<byte> line)
    {
        var methodEnd = line.IndexOfAnyExcept(Token);
        if (methodEnd <= 0 || line[methodEnd] != (byte)' ')
        {
            return null;
        }

        var rest = line[(methodEnd + 1)..];
        var targetEnd = rest.IndexOf((byte)' ');
        if (targetEnd <= 0 || !rest[(targetEnd + 1)..].StartsWith("HTTP/1."u8))
        {
            return null;
        }

        var target = rest[..targetEnd];
        return Ascii.IsValid(target) ? null : target.ToArray();
    }

    private static byte[] Refusal(byte[] target)
    {
        var problem = new Dictionary<string, object?>
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            ["title"] = "The request target is not percent-encoded.",
            ["status"] = StatusCodes.Status400BadRequest,
            ["detail"] = "A request line holds ASCII only (RFC 3986, RFC 9112): percent-encode every other character of the path "
                + "and query as UTF-8, e.g. ?name=%E9%A3%9F%E5%93%81 for ?name=食品.",
        };
        if (System.Text.Unicode.Utf8.IsValid(target))
        {
            // GBK bytes are now and then valid UTF-8 too, so the suggestion says what it is.
            problem["detail"] += " encodedTarget is the target as sent, percent-encoded: right if its bytes were UTF-8.";
            problem["encodedTarget"] = PercentEncode(target);
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(problem);
        var head = Encoding.ASCII.GetBytes(
            "HTTP/1.1 400 Bad Request\r\n"
            + "Content-Type: application/problem+json\r\n"
            + $"Content-Length: {body.Length}\r\n"
            + "X-Content-Type-Options: nosniff\r\n"
            + "Cache-Control: no-store\r\n"
            + "Connection: close\r\n\r\n");
        return [.. head, .. body];
    }

    // Only the bytes past ASCII: what the caller already encoded or wrote plainly stays as it was.
    private static string PercentEncode(byte[] target)
    {
        var encoded = new StringBuilder(target.Length * 2);
        foreach (var b in target)
        {
            if (b < 0x80)
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}

internal static class RequestTargetGuardExtensions
{
    /// <summary>Every endpoint Kestrel listens on answers a raw non-ASCII request target with a ProblemDetails (see <see cref="RequestTargetGuard"/>).</summary>
    public static WebApplicationBuilder AddRequestTargetGuard(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(next =>
        {
            var services = listen.ApplicationServices;
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<RequestTargetGuard>();
            return new RequestTargetGuard(next, kestrel, services.GetRequiredService<TimeProvider>(), logger).OnConnectionAsync;
        })));
        return builder;
    }
}
