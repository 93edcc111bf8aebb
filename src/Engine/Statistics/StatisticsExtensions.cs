namespace Approval.Engine.Statistics;

internal static class StatisticsExtensions
{
    /// <summary>
    /// The reports counted from the cases' running day totals (kept from the changes database triggers
    /// record, folded before each report and every minute), and the
    /// daily snapshot, taken by the scheduled job (see Scheduling) and read through the API.
    /// </summary>
    public static WebApplicationBuilder AddStatistics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DayTotalsFold>();
        builder.Services.AddHostedService<DayTotalsFolder>();
        builder.Services.AddScoped<StatisticsReport>();
        builder.Services.AddScoped<StatisticsSnapshot>();
        return builder;
    }
}
