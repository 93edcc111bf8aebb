using Approval.Engine.Catalogue;
using Approval.Engine.Deadlines;
using Approval.Engine.Definitions;
using Approval.Engine.Identity;
using Approval.Engine.Storage;
using Approval.Engine.Windows;

namespace Approval.Engine;

internal static class Startup
{
    /// <summary>
    /// Migrates the database, publishes the shipped flows and stores the holiday years it lacks (then
    /// loads the working-day calendar), loads the sample catalogue and the sample hall into empty ones,
    /// and seeds roles (and, in Development, demo users, the clerks seated at their windows).
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowImport>().ImportAsync();
        await scope.ServiceProvider.GetRequiredService<CalendarImport>().ImportAsync();
        await scope.ServiceProvider.GetRequiredService<SampleCatalogue>().LoadAsync();
        await scope.ServiceProvider.GetRequiredService<SampleHall>().LoadAsync();
        await scope.ServiceProvider.GetRequiredService<DemoUsers>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<DemoClerks>().SeatAsync();
    }
}
