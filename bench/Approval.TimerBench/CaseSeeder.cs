using Approval.Engine.Cases;
using Approval.Engine.Deadlines;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.TimerBench;

/// <summary>
/// Writes open cases straight into the platform's database, accepted about 60 working days ago on a
/// 10-day promise and a 20-day statutory limit, each waiting at its Review step: so each one's
/// yellow, red and statutory-breach timers are already due.
/// </summary>
internal static class CaseSeeder
{
    public const string Department = "market-regulation";
    private const int Batch = 5_000;

    /// <summary>The cases, each with the timer outbox entry a clock move writes beside it.</summary>
    public static async Task<List<(Guid CaseId, long OutboxId)>> SeedAsync(IServiceProvider services, string itemCode, int count)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var calendar = services.GetRequiredService<WorkingCalendar>();
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var accepted = today.AddDays(-90);
        var statutory = calendar.Compute(accepted, 20, [], 0);
        var promised = calendar.Compute(accepted, 10, [], 0);
        var ids = new List<(Guid, long)>(count);
        for (var done = 0; done < count; done += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var outbox = new List<TimerOutboxEntry>(Batch);
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                var id = Guid.CreateVersion7();
                var entry = new TimerOutboxEntry { CaseId = id, QueuedAt = now };
                outbox.Add(entry);
                db.TimerOutbox.Add(entry);
                var instance = new WorkflowInstance
                {
                    Id = id,
                    DefinitionId = "standard-licence",
                    DefinitionVersion = 1,
                    Status = InstanceStatus.Running,
                    Department = Department,
                    CreatedAt = now,
                };
                db.Instances.Add(instance);
                db.Cases.Add(new Case
                {
                    Id = id,
                    Instance = instance,
                    ItemCode = itemCode,
                    Department = Department,
                    CreatedBy = "window1",
                    ReceivedAt = ChinaTime.StartOf(accepted),
                    ReceivedOn = accepted,
                    AcceptedOn = accepted,
                    StatutoryLimit = 20,
                    PromisedLimit = 10,
                    StatutoryDeadline = statutory.Date,
                    PromisedDeadline = promised.Date,
                    ClockVersion = 1,
                });
                db.Tasks.Add(new WorkflowTask
                {
                    Id = Guid.CreateVersion7(),
                    InstanceId = id,
                    ActivityId = "review",
                    ActivityType = "Review",
                    Name = "审核",
                    Role = "DepartmentHandler",
                    Department = Department,
                    Status = WorkTaskStatus.Open,
                    CreatedAt = now,
                });
            }

            await db.SaveChangesAsync();
            ids.AddRange(outbox.Select(e => (e.CaseId, e.Id)));
        }

        return ids;
    }

    public static async Task<int> WarningsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().Warnings.CountAsync();
    }
}
