namespace Approval.Engine.Statistics;

internal static class StatisticsExtensions
{
    /// <summary>The daily snapshot, taken by the scheduled job (see Scheduling) and read through the API.</summary>
    public static WebApplicationBuilder AddStatistics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StatisticsSnapshot>();
        return builder;
    }
}
