using Approval.Engine.Deadlines;
using Approval.Engine.Statistics;
using Quartz;

namespace Approval.Engine.Scheduling;

/// <summary>
/// The daily statistics snapshot, every day: stores the figures of the China day the firing was
/// scheduled for, and takes the day before again, so that its last half hour is counted and a day
/// whose firing was missed while the host was down is filled in.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class StatisticsSnapshotJob(StatisticsSnapshot snapshot, ILogger<StatisticsSnapshotJob> logger) : IJob
{
    public static readonly JobKey Key = new("statistics-snapshot", SchedulingExtensions.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var day = ChinaTime.DateOf(context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
        foreach (var taken in new[] { day.AddDays(-1), day })
        {
            var rows = await snapshot.TakeAsync(taken, cancellationToken);
            logger.LogInformation("Statistics snapshot of {Day:yyyy-MM-dd}: {Departments} departments.", taken, rows.Count);
        }
    }
}
