using Approval.Engine.Runtime;

namespace Approval.Engine.Audit;

internal static class AuditExtensions
{
    /// <summary>The audit log: the service write paths record with, and the observer that records every step.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<IStepObserver, AuditStepObserver>();
        return builder;
    }

    public static WebApplication MapAudit(this WebApplication app)
    {
        app.MapAuditApi();
        return app;
    }
}
