namespace Approval.Engine.Inbox;

internal static class InboxExtensions
{
    /// <summary>The inbox (待办): tasks with their cases' numbers, applicants and deadlines.</summary>
    public static WebApplicationBuilder AddInbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReadInbox>();
        return builder;
    }
}
