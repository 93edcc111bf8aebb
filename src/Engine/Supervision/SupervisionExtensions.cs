using Approval.Engine.Deadlines;
using Approval.Engine.Runtime;
using Approval.Engine.Tasks;

namespace Approval.Engine.Supervision;

internal static class SupervisionExtensions
{
    /// <summary>Warnings and their chain, escalations and notifications: what the deadlines' alarms do.</summary>
    public static WebApplicationBuilder AddSupervision(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IDeadlineAlarms, DeadlineAlarms>();
        builder.Services.AddScoped<WarningRecorder>();
        builder.Services.AddScoped<EscalationTasks>();
        builder.Services.AddScoped<CompleteEscalation>();
        builder.Services.AddScoped<ITaskKindCompletion>(sp => sp.GetRequiredService<CompleteEscalation>());
        builder.Services.AddScoped<OverdueCases>();
        builder.Services.AddScoped<WarningHandling>();
        builder.Services.AddScoped<AcknowledgeWarning>();
        builder.Services.AddScoped<ResolveWarning>();
        builder.Services.AddScoped<ReadNotification>();
        builder.Services.AddSingleton<INotificationSender, LogNotificationSender>();
        builder.Services.AddScoped<IStepObserver, EscalationObserver>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSupervisionApis(this IEndpointRouteBuilder app) =>
        app.MapSupervision().MapNotifications();
}
