using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Approval.Engine.Identity;

/// <summary>
/// The "RateLimiting:Login" section: how many login attempts one client address may make in a
/// window, on the API (POST /api/auth/login) and the browser's login form alike. Beyond it the
/// answer is 429 with Retry-After. Account lockout (5 failures, 15 minutes) still guards each account.
/// </summary>
public sealed class LoginRateLimitOptions
{
    public int PermitLimit { get; set; } = 20;

    public int WindowSeconds { get; set; } = 60;
}

internal static class LoginRateLimit
{
    public const string Policy = "login";

    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimiting:Login").Get<LoginRateLimitOptions>() ?? new LoginRateLimitOptions();
        if (options.PermitLimit < 1 || options.WindowSeconds < 1)
        {
            throw new InvalidOperationException("RateLimiting:Login:PermitLimit and WindowSeconds must be 1 or more.");
        }

        services.AddRateLimiter(o =>
        {
            // Partitioned by the client's address (after forwarded headers from known proxies).
            o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = TimeSpan.FromSeconds(options.WindowSeconds),
                    QueueLimit = 0,
                }));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : options.WindowSeconds;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many login attempts.",
                        Detail = $"At most {options.PermitLimit} login attempts in {options.WindowSeconds} seconds from one address; try again in {retryAfter} seconds.",
                    },
                });
            };
        });
        return services;
    }
}
