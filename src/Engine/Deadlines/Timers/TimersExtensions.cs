using Approval.Activities.Contract;
using Approval.Engine.Access;
using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;

namespace Approval.Engine.Deadlines;

internal static class TimersExtensions
{
    /// <summary>
    /// Hangfire for the deadline timers: SQLite storage beside the platform's database by default,
    /// SQL Server storage with the SQL Server provider. Tests replace the <see cref="JobStorage"/>.
    /// </summary>
    public static WebApplicationBuilder AddTimers(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var provider = (configuration["Database:Provider"] ?? "Sqlite").ToLowerInvariant();
        var contentRoot = builder.Environment.ContentRootPath;

        // How often due jobs are moved to the queue, and how often an idle worker looks at the queue
        // (the SQLite storage's own default for the latter is 15 s).
        var poll = TimeSpan.FromSeconds(configuration.GetValue("Timers:PollSeconds", 5));
        builder.Services.AddSingleton<JobStorage>(_ => provider == "sqlserver"
            ? new SqlServerStorage(configuration.GetConnectionString("Approval"), new SqlServerStorageOptions { PrepareSchemaIfNecessary = true })
            : SqliteTimerStorage.Create(TimerDatabase(configuration, contentRoot), new SQLiteStorageOptions { QueuePollInterval = poll }));
        builder.Services.AddHangfire((services, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseTypeResolver(ResolveType)
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostSafeLogProvider(services.GetRequiredService<ILoggerFactory>()))
            .UseStorage(services.GetRequiredService<JobStorage>()));
        builder.Services.AddTransient<DeadlineTimerJob>();
        builder.Services.AddScoped<TimerSchedule>();
        builder.Services.AddSingleton<TimerQueue>();

        // Timers:Enabled=false (for a simulated clock, which runs ahead of Hangfire's) leaves timers unscheduled.
        if (configuration.GetValue("Timers:Enabled", true))
        {
            builder.Services.AddHangfireServer(o =>
            {
                o.WorkerCount = Math.Max(2, configuration.GetValue("Timers:Workers", Environment.ProcessorCount));
                o.SchedulePollingInterval = poll;
            });
            builder.Services.AddHostedService(services => services.GetRequiredService<TimerQueue>());
        }

        return builder;
    }

    /// <summary>
    /// The Hangfire dashboard at /hangfire, for administrators and the supervision office, with a
    /// bearer token or the browser's login cookie; a browser that has neither is sent to the login page.
    /// </summary>
    public static WebApplication MapTimersDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new RoleFilter()],
            DashboardTitle = "Approval timers",
        }).RequireAuthorization(Policies.Studio.Timers);
        return app;
    }

    // Jobs scheduled before the deadlines had a folder of their own name their types in the supervision's namespace.
    internal static Type ResolveType(string name) => TypeHelper.DefaultTypeResolver(name
        .Replace("Approval.Engine.Supervision.DeadlineTimerJob", typeof(DeadlineTimerJob).FullName, StringComparison.Ordinal)
        .Replace("Approval.Engine.Supervision.TimerKind", typeof(TimerKind).FullName, StringComparison.Ordinal));

    // Timers:SqlitePath, or approval-timers.db beside the platform's SQLite file.
    private static string TimerDatabase(IConfiguration configuration, string contentRoot)
    {
        var path = configuration["Timers:SqlitePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            var main = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Approval") ?? "Data Source=data/approval.db").DataSource;
            path = Path.Combine(Path.GetDirectoryName(main) ?? "data", "approval-timers.db");
        }

        path = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private sealed class RoleFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Supervisor);
        }
    }
}

/// <summary>
/// Hangfire's log provider is process-wide; several hosts in one process (tests, or a host
/// restarted in place) would leave it pointing at a disposed logger factory. This one outlives
/// that: a logger that can no longer be made logs nothing.
/// </summary>
internal sealed class HostSafeLogProvider(ILoggerFactory factory) : Hangfire.Logging.ILogProvider
{
    private readonly Hangfire.AspNetCore.AspNetCoreLogProvider _inner = new(factory);

    public Hangfire.Logging.ILog GetLogger(string name)
    {
        try
        {
            return new SafeLog(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new SafeLog(null);
        }
    }

    private sealed class SafeLog(Hangfire.Logging.ILog? inner) : Hangfire.Logging.ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
