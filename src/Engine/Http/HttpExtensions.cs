using Approval.Activities.Definitions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;

namespace Approval.Engine.Http;

internal static class HttpExtensions
{
    /// <summary>
    /// ProblemDetails for every error, request size and depth limits, the definition JSON format on
    /// the wire, transport safety (<see cref="HttpSecurity"/>), a ProblemDetails for an unencoded request
    /// target (<see cref="RequestTargetGuard"/>), and Swagger with bearer auth.
    /// </summary>
    public static WebApplicationBuilder AddHttpApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        var limits = builder.Configuration.GetSection("Http").Get<RequestLimitOptions>() ?? new RequestLimitOptions();
        builder.Services.AddSingleton(limits);

        // A body that does not bind throws, in every environment, so the handler can say what and where.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.AddHttpSecurity();
        builder.AddRequestTargetGuard();
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.MaxDepth = limits.MaxJsonDepth;
            var format = WorkflowJson.Options;
            o.SerializerOptions.PropertyNamingPolicy = format.PropertyNamingPolicy;
            o.SerializerOptions.DefaultIgnoreCondition = format.DefaultIgnoreCondition;
            o.SerializerOptions.UnmappedMemberHandling = format.UnmappedMemberHandling;
            o.SerializerOptions.PropertyNameCaseInsensitive = format.PropertyNameCaseInsensitive;
            o.SerializerOptions.NumberHandling = format.NumberHandling;
            o.SerializerOptions.Encoder = format.Encoder;
            foreach (var converter in format.Converters)
            {
                o.SerializerOptions.Converters.Add(converter);
            }
        });
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Approval API",
                Version = "v1",
                Description = "政务服务审批平台：流程定义、办件、任务。Log in with POST /api/auth/login and press Authorize.",
            });
            o.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from POST /api/auth/login.",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("bearer", document)] = [],
            });
            o.CustomSchemaIds(t => t.FullName!.Replace('+', '.'));
        });
        return builder;
    }

    public static WebApplication UseHttpApi(this WebApplication app)
    {
        app.UseHttpSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseSwagger();
        app.UseSwaggerUI(o => o.DocumentTitle = "Approval API");
        return app;
    }
}
