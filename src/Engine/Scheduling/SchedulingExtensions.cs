using System.Globalization;
using Approval.Engine.Deadlines;
using Approval.Engine.Storage;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Quartz;
using Quartz.Impl;
using Quartz.Serialization.SystemTextJson;

namespace Approval.Engine.Scheduling;

internal static class SchedulingExtensions
{
    /// <summary>The job and trigger group of the platform's recurring work.</summary>
    public const string Group = "approval";

    /// <summary>
    /// Quartz.NET for the recurring work: the supervision sweep on working days at
    /// Supervision:SweepAt (08:30) and the statistics snapshot every day at Statistics:SnapshotAt
    /// (23:30), China time. Jobs, triggers and the working-day calendar live in Quartz's tables
    /// (QRTZ_*) on the platform's database, created by its migrations; the store is clustered on
    /// SQL Server, where several nodes share it. Scheduling:Enabled=false leaves Quartz out.
    /// </summary>
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!configuration.GetValue("Scheduling:Enabled", true))
        {
            return builder;
        }

        var sweepAt = TimeOfDay(configuration, "Supervision:SweepAt", new TimeOnly(8, 30));
        var snapshotAt = TimeOfDay(configuration, "Statistics:SnapshotAt", new TimeOnly(23, 30));
        var sqlServer = string.Equals(configuration["Database:Provider"], "SqlServer", StringComparison.OrdinalIgnoreCase);
        var connectionString = configuration.GetConnectionString("Approval");

        builder.AddQuartz(q =>
        {
            // The scheduler's name keys every row it stores: every node must use the same one.
            q.ConfigureScheduler(s => s.InstanceName = "Approval");
            q.UsePersistentStore(store =>
            {
                store.UseSerializer(services => new SystemTextJsonObjectSerializer(Registry(services)));
                if (sqlServer)
                {
                    store.UseSqlServer(SqlClientFactory.Instance, connectionString!);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(SqliteFactory.Instance, StorageExtensions.SqliteConnectionString(connectionString, builder.Environment.ContentRootPath));
                }
            });

            q.AddCalendar(
                WorkingDayQuartzCalendar.Name,
                services => new WorkingDayQuartzCalendar(services.GetRequiredService<WorkingCalendar>()),
                AddCalendarOptions.Replacing);

            q.AddJob<SupervisionSweepJob>(j => j.WithIdentity(SupervisionSweepJob.Key).WithDescription("电子监察巡查：补记遗漏的预警"));
            q.AddTrigger(t => t
                .ForJob(SupervisionSweepJob.Key)
                .WithIdentity(SupervisionSweepJob.Key.Name, Group)
                .WithDescription($"工作日 {sweepAt:HH:mm}（中国时间）")
                .WithCronSchedule(DailyAt(sweepAt), FireOnceIfMissed)
                .WithCalendarName(WorkingDayQuartzCalendar.Name));

            q.AddJob<StatisticsSnapshotJob>(j => j.WithIdentity(StatisticsSnapshotJob.Key).WithDescription("每日统计快照"));
            q.AddTrigger(t => t
                .ForJob(StatisticsSnapshotJob.Key)
                .WithIdentity(StatisticsSnapshotJob.Key.Name, Group)
                .WithDescription($"每日 {snapshotAt:HH:mm}（中国时间）")
                .WithCronSchedule(DailyAt(snapshotAt), FireOnceIfMissed));
        });

        // A trigger declared here replaces the stored one at every start (so a changed time takes
        // effect), but carries on from the stored one's last firing: a firing missed while the host
        // was down is then a misfire, fired once on return, instead of being forgotten.
        builder.Services.Configure<QuartzOptions>(o => o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddScoped<ICalendarChangeListener, WorkingDayTriggerRefresh>();
        return builder;
    }

    private static void FireOnceIfMissed(CronScheduleBuilder cron) =>
        cron.InTimeZone(ChinaTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);

    // Every day at that time; the working-day calendar, where a trigger names it, takes out the days off.
    private static string DailyAt(TimeOnly time) => $"0 {time.Minute} {time.Hour} * * ?";

    private static TimeOnly TimeOfDay(IConfiguration configuration, string key, TimeOnly fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return TimeOnly.TryParseExact(value.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new InvalidOperationException($"{key} '{value}' is not a time of day HH:mm (China time).");
    }

    // The store's serializer knows the working-day calendar, and gives each one it reads back this node's days.
    private static SystemTextJsonSerializerRegistry Registry(IServiceProvider services)
    {
        var registry = new SystemTextJsonSerializerRegistry();
        registry.AddCalendarSerializer(new WorkingDayQuartzCalendarSerializer(services.GetRequiredService<WorkingCalendar>()));
        return registry;
    }
}
