using Approval.Engine.Runtime;

namespace Approval.Engine.Supervision;

internal static class SupervisionExtensions
{
    /// <summary>Deadline timers, warnings and their chain, notifications and the sweep.</summary>
    public static WebApplicationBuilder AddSupervision(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TimerPlanner>();
        builder.Services.AddScoped<DeadlineTimers>();
        builder.Services.AddScoped<WarningRecorder>();
        builder.Services.AddScoped<EscalationTasks>();
        builder.Services.AddScoped<OverdueCases>();
        builder.Services.AddScoped<ISupervisionSweep, SupervisionSweep>();
        builder.Services.AddSingleton<INotificationSender, LogNotificationSender>();
        builder.Services.AddScoped<IStepObserver, EscalationObserver>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSupervisionApis(this IEndpointRouteBuilder app) =>
        app.MapSupervision().MapNotifications();
}
