using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Cases;
using Approval.Engine.Consultations;
using Approval.Engine.Catalogue;
using Approval.Engine.Deadlines;
using Approval.Engine.Definitions;
using Approval.Engine.Http;
using Approval.Engine.Identity;
using Approval.Engine.Inbox;
using Approval.Engine.Materials;
using Approval.Engine.Notices;
using Approval.Engine.Runtime;
using Approval.Engine.Scheduling;
using Approval.Engine.Statistics;
using Approval.Engine.Storage;
using Approval.Engine.Studio;
using Approval.Engine.Supervision;
using Approval.Engine.Tasks;
using Approval.Engine.Windows;

namespace Approval.Engine;

/// <summary>
/// The platform's table of contents: each feature registers its services, middleware and endpoints.
/// The host (Program.cs) and any program that runs the platform in its own process build it from here,
/// so they never differ.
/// </summary>
internal static class Startup
{
    /// <summary>Every feature's services, in the order they build on each other.</summary>
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        DemoUsers.ThrowIfConfiguredOutsideDevelopment(builder.Configuration, builder.Environment);

        builder.AddCentre();
        builder.AddStorage();
        builder.AddAudit();
        builder.AddPlatformIdentity();
        builder.AddAccess();
        builder.AddFlowEngine();
        builder.AddDefinitions();
        builder.AddTasks();
        builder.AddDeadlines();
        builder.AddCatalogue();
        builder.AddWindows();
        builder.AddCases();
        builder.AddInbox();
        builder.AddConsultations();
        builder.AddMaterials();
        builder.AddNotices();
        builder.AddSupervision();
        builder.AddStatistics();
        builder.AddScheduling();
        builder.AddHttpApi();
        builder.AddStudio();
        return builder;
    }

    /// <summary>The middleware, then every feature's endpoints.</summary>
    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.UseHttpApi();
        app.UseAuthentication();
        app.UseStudioLogin();
        app.UseAuthorization();
        app.UseUnmatchedApiPaths();
        app.UseAntiforgery();

        app.MapHealthChecks("/health");
        app.MapAuth();
        app.MapUsers();
        app.MapBrowserLogin();
        app.MapDefinitions();
        app.MapCatalogue();
        app.MapWindows();
        app.MapCases();
        app.MapMaterials();
        app.MapNotices();
        app.MapTasks();
        app.MapInbox();
        app.MapConsultations();
        app.MapSupervisionApis();
        app.MapDeadlines();
        app.MapStatistics();
        app.MapStudio();
        app.MapAudit();
        return app;
    }

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
