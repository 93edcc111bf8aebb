using Approval.Activities.Registry;
using Approval.Engine.Definitions;

namespace Approval.Engine.Runtime;

internal static class RuntimeExtensions
{
    /// <summary>The activity registry, the definition store and the runtime that runs flows.</summary>
    public static WebApplicationBuilder AddFlowEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(ActivityRegistry.Default);
        builder.Services.AddSingleton<DefinitionStore>();
        builder.Services.AddScoped<WorkflowRuntime>();
        builder.Services.AddScoped<WorkflowImport>();
        return builder;
    }
}
