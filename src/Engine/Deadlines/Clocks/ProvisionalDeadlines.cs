using Approval.Engine.Cases;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>
/// When a year's holidays arrive (or a day is adjusted), every deadline that counted days in the
/// changed years is computed again, and the change is recorded on the case.
/// </summary>
internal sealed class ProvisionalDeadlines(ApprovalDbContext db, CaseClock clocks, TimerSchedule timers, ILogger<ProvisionalDeadlines> logger) : ICalendarChangeListener
{
    public async Task CalendarChangedAsync(IReadOnlyList<int> years, CancellationToken ct)
    {
        var first = new DateOnly(years.Min(), 1, 1);
        var cases = await db.Cases
            .Where(c => c.AcceptedOn != null && (c.DeadlinesProvisional || c.StatutoryDeadline >= first || c.PromisedDeadline >= first))
            .ToListAsync(ct);
        var changed = 0;
        foreach (var @case in cases)
        {
            var before = (@case.StatutoryDeadline, @case.PromisedDeadline);
            if (await clocks.RecomputeAsync(@case, ClockEventKind.Recomputed, $"工作日历 {string.Join("、", years)} 年变更，期限重新计算（原法定期限 {before.StatutoryDeadline:yyyy-MM-dd}，原承诺期限 {before.PromisedDeadline:yyyy-MM-dd}）。", "calendar", ct))
            {
                changed++;
            }
            else
            {
                // Nothing moved: leave neither a version bump nor an entry behind.
                db.ChangeTracker.Entries<ClockEvent>().Where(e => e.State == EntityState.Added && e.Entity.CaseId == @case.Id).ToList()
                    .ForEach(e => e.State = EntityState.Detached);
                await db.Entry(@case).ReloadAsync(ct);
            }
        }

        await db.SaveChangesAsync(ct);
        await timers.FlushAsync(ct);
        logger.LogInformation("Calendar change of {Years}: {Changed} of {Checked} cases' deadlines moved.", string.Join(", ", years), changed, cases.Count);
    }
}
