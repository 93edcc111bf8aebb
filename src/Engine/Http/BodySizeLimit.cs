using Microsoft.AspNetCore.Http.Metadata;

namespace Approval.Engine.Http;

/// <summary>An endpoint's own request body limit, above or below <see cref="RequestLimitOptions.MaxBodyBytes"/>.</summary>
internal sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata
{
    // Room for the multipart boundaries and headers around an uploaded file.
    public const long FormOverhead = 64 * 1024;
}

internal static class BodySizeLimitExtensions
{
    /// <summary>Takes request bodies up to <paramref name="bytes"/> on this endpoint.</summary>
    public static TBuilder WithBodySizeLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new BodySizeLimit(bytes));
}
