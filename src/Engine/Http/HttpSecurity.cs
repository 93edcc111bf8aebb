using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Approval.Engine.Http;

/// <summary>
/// Transport safety outside Development: HTTPS redirection and HSTS, forwarded headers honoured
/// only from the proxies configured (ForwardedHeaders:KnownProxies, ForwardedHeaders:KnownNetworks),
/// and CORS closed unless Cors:Origins lists the sites that may call the API from a browser.
/// </summary>
internal static class HttpSecurity
{
    public const string CorsPolicy = "configured-origins";

    public static WebApplicationBuilder AddHttpSecurity(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Only the listed proxies are believed (loopback stays trusted by default, as a proxy on the same machine).
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(configuration.GetValue("Http:HstsMaxAgeDays", 365));
            o.IncludeSubDomains = configuration.GetValue("Http:HstsIncludeSubDomains", false);
        });

        var origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            // No origin listed: no browser on another site may call the API at all.
            p.WithOrigins(origins).AllowAnyHeader().WithMethods("GET", "POST", "PUT", "DELETE").WithExposedHeaders("Location", "Retry-After");
        }));
        return builder;
    }

    public static WebApplication UseHttpSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();

            // A load balancer's health probe may come over plain HTTP from inside.
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health"), b => b.UseHttpsRedirection());
        }

        app.UseSecurityHeaders();
        app.UseCors(CorsPolicy);
        return app;
    }
}
