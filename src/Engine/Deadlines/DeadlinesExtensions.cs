using Approval.Engine.Runtime;

namespace Approval.Engine.Deadlines;

/// <summary>
/// Everything about time limits in one wing: the working-day calendar, each case's two clocks,
/// the deadline timers that enforce them (Hangfire) and the sweep that catches what a timer missed.
/// What a due timer does is the supervision's (<see cref="IDeadlineAlarms"/>).
/// </summary>
internal static class DeadlinesExtensions
{
    public static WebApplicationBuilder AddDeadlines(this WebApplicationBuilder builder)
    {
        builder.AddWorkingCalendar();

        // The clocks follow each case's flow as a step observer.
        builder.Services.AddScoped<CaseClock>();
        builder.Services.AddScoped<CaseClockReader>();
        builder.Services.AddScoped<CaseUrgency>();
        builder.Services.AddScoped<ClockChange>();
        builder.Services.AddScoped<PauseClock>();
        builder.Services.AddScoped<ResumeClock>();
        builder.Services.AddScoped<RequestExtension>();
        builder.Services.AddScoped<DecideExtension>();
        builder.Services.AddScoped<IStepObserver, CaseClockObserver>();
        builder.Services.AddScoped<ICalendarChangeListener, ProvisionalDeadlines>();

        builder.Services.AddSingleton<TimerPlanner>();
        builder.Services.AddScoped<DeadlineTimers>();
        builder.Services.AddScoped<ISupervisionSweep, SupervisionSweep>();
        builder.AddTimers();
        return builder;
    }

    /// <summary>The calendar (staff and public), the case clocks' API and the timers' dashboard.</summary>
    public static WebApplication MapDeadlines(this WebApplication app)
    {
        app.MapCalendar();
        app.MapCaseClocks();
        app.MapTimersDashboard();
        return app;
    }
}
