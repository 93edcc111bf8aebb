using Approval.Activities.Registry;
using Approval.Engine.Definitions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Approval.Engine.Runtime;

internal static class RuntimeExtensions
{
    /// <summary>The activity registry, the definition store and the runtime that runs flows.</summary>
    public static WebApplicationBuilder AddFlowEngine(this WebApplicationBuilder builder)
    {
        // A program that runs the platform on a simulated clock registers it first.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(ActivityRegistry.Default);
        builder.Services.AddSingleton<DefinitionStore>();
        builder.Services.AddScoped<WorkflowRuntime>();
        builder.Services.AddScoped<WorkflowImport>();
        return builder;
    }
}
