namespace Approval.Engine.Deadlines;

internal static class CalendarExtensions
{
    /// <summary>
    /// The working-day calendar, one per node, answering from memory. It is filled at start from
    /// the database (after the year files are imported) and reloaded after each change made
    /// through this node; another node sees a change at its next start or its own next change.
    /// </summary>
    public static WebApplicationBuilder AddWorkingCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WorkingCalendar>();
        builder.Services.AddScoped<CalendarImport>();
        builder.Services.AddScoped<PutCalendarYear>();
        builder.Services.AddScoped<PutCalendarDay>();
        return builder;
    }
}
