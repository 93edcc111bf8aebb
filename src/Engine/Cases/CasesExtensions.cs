using Approval.Engine.Cases.Clocks;
using Approval.Engine.Clock;
using Approval.Engine.Runtime;

namespace Approval.Engine.Cases;

internal static class CasesExtensions
{
    /// <summary>Cases and their clocks, which follow each case's flow as a step observer.</summary>
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CaseClock>();
        builder.Services.AddScoped<CaseClockReader>();
        builder.Services.AddScoped<IStepObserver, CaseClockObserver>();
        builder.Services.AddScoped<ICalendarChangeListener, ProvisionalDeadlines>();
        return builder;
    }
}
