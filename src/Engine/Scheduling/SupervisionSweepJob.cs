using Approval.Engine.Deadlines;
using Approval.Engine.Supervision;
using Quartz;

namespace Approval.Engine.Scheduling;

/// <summary>
/// The daily supervision sweep (电子监察巡查), on working days: runs <see cref="ISupervisionSweep"/>
/// and logs how many warnings it repaired. The sweep's logic is the sweep's; this only calls it.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SupervisionSweepJob(IServiceProvider services, ILogger<SupervisionSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("supervision-sweep", SchedulingExtensions.Group);

    // Quartz builds each job in a DI scope of its own per firing: the sweep comes from that scope.
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<ISupervisionSweep>() is not { } sweep)
        {
            logger.LogWarning("The supervision sweep is due but no ISupervisionSweep is registered; nothing was checked.");
            return;
        }

        var repaired = await sweep.RunAsync(cancellationToken);
        logger.LogInformation("The supervision sweep repaired {Repaired} missing warnings.", repaired);
        context.Result = repaired;
    }
}
