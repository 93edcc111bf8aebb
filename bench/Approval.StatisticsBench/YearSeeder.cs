using Approval.Engine.Cases;
using Approval.Engine.Deadlines;
using Approval.Engine.Catalogue;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.YearOfCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.StatisticsBench;

/// <summary>
/// Writes a year of cases STRAIGHT INTO THE DATABASE (instances and cases, pauses for some), not
/// through the engine: a million applications through the API would take hours on this machine.
/// The rows look like the ones the engine writes (accepted, completed, deadlines, working days taken,
/// accepting window) with the generator's item mix and shares; the database triggers record them for
/// the day totals exactly as they do the engine's own writes, and the fold adds them in.
/// </summary>
internal static class YearSeeder
{
    private const int Batch = 10_000;

    public static async Task SeedAsync(IServiceProvider services, int year, int count, int seed)
    {
        var calendar = services.GetRequiredService<WorkingCalendar>();
        var random = new Random(seed);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).Where(calendar.IsWorkingDay).ToList();
        List<PowerItem> catalogue;
        await using (var scope = services.CreateAsyncScope())
        {
            catalogue = await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().PowerItems.AsNoTracking().ToListAsync();
        }

        var items = catalogue.ToDictionary(i => i.Code);
        var mix = ItemMix.Items.Where(m => items.ContainsKey(m.Code)).ToList();
        var instant = mix.Where(m => items[m.Code].CaseKind == CaseKind.Instant).ToList();
        var promised = mix.Where(m => items[m.Code].CaseKind == CaseKind.Promised).ToList();

        for (var done = 0; done < count; done += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = done; n < Math.Min(count, done + Batch); n++)
            {
                var (code, _, windows) = Pick(random, random.NextDouble() < ItemMix.InstantShare ? instant : promised);
                Add(db, random, calendar, items[code], windows[random.Next(windows.Length)], days[random.Next(days.Count)], last);
            }

            await db.SaveChangesAsync();
        }
    }

    private static void Add(ApprovalDbContext db, Random random, WorkingCalendar calendar, PowerItem item, string window, DateOnly accepted, DateOnly last)
    {
        var p = item.PromisedLimit;
        var taken = item.CaseKind == CaseKind.Instant ? 0
            : random.NextDouble() < YearPlan.LateShare ? p + 1 + random.Next(3)
            : random.NextDouble() < (p == 1 ? 0.5 : 0.12) ? 0
            : Math.Clamp((int)Math.Ceiling(p * Math.Pow(random.NextDouble(), 1.3) * 0.85), 1, p);
        CasePause? pause = null;
        var stopped = 0;
        var id = Guid.CreateVersion7();
        if (taken >= 2 && random.NextDouble() < YearPlan.PausedShare)
        {
            var start = calendar.AddWorkingDays(accepted, 1 + random.Next(taken - 1));
            stopped = 1 + random.Next(5);
            var end = calendar.AddWorkingDays(start, stopped);
            pause = new CasePause
            {
                CaseId = id, Kind = SpecialProcedure.Inspection, Reason = "现场核查", Start = start, End = end <= last ? end : null, StartedBy = "bench",
            };
        }

        var completed = calendar.AddWorkingDays(accepted, taken + stopped);
        DateOnly? completedOn = completed <= last ? completed : null;

        // Deadlines as stored: an ended pause counts whole; an open one as when it began, not at all.
        List<DatePause> pauses = pause?.End is { } ended ? [new(pause.Start, ended)] : [];
        var at = ChinaTime.StartOf(accepted).AddHours(9);
        var instance = new WorkflowInstance
        {
            Id = id,
            DefinitionId = item.DefinitionId,
            DefinitionVersion = 1,
            Status = completedOn is null ? InstanceStatus.Running : InstanceStatus.Completed,
            Result = completedOn is null ? null : "Approved",
            Department = item.Department,
            CreatedAt = at,
            CompletedAt = completedOn is { } day ? ChinaTime.StartOf(day).AddHours(16) : null,
        };
        db.Instances.Add(instance);
        db.Cases.Add(new Case
        {
            Id = id,
            Instance = instance,
            ItemCode = item.Code,
            Department = item.Department,
            CreatedBy = "bench",
            ReceivedAt = at,
            ReceivedOn = accepted,
            AcceptedOn = accepted,
            AcceptedWindow = window,
            Kind = item.CaseKind,
            StatutoryLimit = item.StatutoryLimit,
            PromisedLimit = p,
            ExtensionDays = item.ExtensionDays,
            StatutoryDeadline = calendar.Compute(accepted, item.StatutoryLimit, pauses, 0).Date,
            PromisedDeadline = calendar.Compute(accepted, p, pauses, 0).Date,
            CompletedOn = completedOn,
            WorkingDaysTaken = completedOn is null ? null : taken,
            ClockVersion = 1,
        });
        if (pause is not null)
        {
            db.CasePauses.Add(pause);
        }
    }

    private static (string Code, int Weight, string[] Windows) Pick(Random random, List<(string Code, int Weight, string[] Windows)> choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var choice in choices)
        {
            roll -= choice.Weight;
            if (roll < 0)
            {
                return choice;
            }
        }

        return choices[^1];
    }
}
