namespace Approval.Engine.Cases;

internal static class CasesExtensions
{
    /// <summary>Cases (their clocks are the deadlines').</summary>
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FileCase>();
        builder.Services.AddScoped<Tasks.ICompletionRule, CaseCompletionRules>();
        builder.Services.AddScoped<Runtime.IStepObserver, CaseRecordObserver>();
        return builder;
    }
}
