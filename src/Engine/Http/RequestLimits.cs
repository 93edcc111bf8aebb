using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Approval.Engine.Http;

/// <summary>The "Http" configuration section: how big and how deep a request may be.</summary>
public sealed class RequestLimitOptions
{
    /// <summary>The largest request body, in bytes, for every endpoint that does not set its own (uploads do).</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How deeply JSON may nest objects and arrays. The serializer holds answers to the same depth, and
    /// an answer nests stored JSON (case data, property values) a level or two deeper than its request
    /// did, so this stays well above any real document's depth rather than close to it.
    /// </summary>
    public int MaxJsonDepth { get; set; } = 64;
}

/// <summary>
/// Caps every request body at the endpoint's limit (its <see cref="IRequestSizeLimitMetadata"/>, else
/// <see cref="RequestLimitOptions.MaxBodyBytes"/>). A declared length over the limit is refused at once;
/// a body without one (chunked) is counted as it is read. Kestrel enforces the same limit through
/// <see cref="IHttpMaxRequestBodySizeFeature"/>; the counting stream makes hosts without that feature
/// (the test server) honour it too. Either way the answer is a 413 ProblemDetails, never a reset connection.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, RequestLimitOptions options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.MaxBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            await WriteTooLargeAsync(context, limit, context.Request.ContentLength);
            return;
        }

        var body = new LimitedReadStream(context.Request.Body, limit);
        context.Request.Body = body;
        await next(context);

        // A handler that swallowed the read error (a form or body binder answering 400 on any I/O error)
        // still gets the answer the caller needs: too large, not malformed.
        if (body.Exceeded && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await WriteTooLargeAsync(context, limit, null);
        }
    }

    private Task WriteTooLargeAsync(HttpContext context, long limit, long? declared)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = declared is null
                    ? $"This endpoint takes at most {limit} bytes."
                    : $"This endpoint takes at most {limit} bytes; the request declares {declared}.",
            },
        }).AsTask();
    }

    /// <summary>Reads through to the body and throws a 413 <see cref="BadHttpRequestException"/> past the limit.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public bool Exceeded { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return Count(inner.Read(buffer, offset, count));
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                Exceeded = true; // Kestrel's own count, on the same limit
                throw;
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Count(await inner.ReadAsync(buffer, cancellationToken));
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                Exceeded = true; // Kestrel's own count, on the same limit
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit)
            {
                Exceeded = true;
                throw new BadHttpRequestException($"The request body is larger than the {limit} bytes this endpoint takes.", StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }
    }
}
