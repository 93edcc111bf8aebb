namespace Approval.Engine.Tasks;

internal static class TasksExtensions
{
    /// <summary>Completing tasks: the one way a human step, or an escalation task, is done.</summary>
    public static WebApplicationBuilder AddTasks(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CompleteTask>();
        return builder;
    }
}
