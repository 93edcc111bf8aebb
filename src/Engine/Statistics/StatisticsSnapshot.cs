using Approval.Engine.Cases;
using Approval.Engine.Cases.Clocks;
using Approval.Engine.Clock;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Statistics;

/// <summary>
/// Counts one China day D per department and stores it as that day's <see cref="DailySnapshot"/>s,
/// replacing any taken before. Only applications for catalogue items count (an administrator's
/// try-out of a flow has no item). For D, from 00:00 to 24:00 China time:
/// <list type="bullet">
/// <item><b>Accepted</b>: cases whose acceptance day (<see cref="Case.AcceptedOn"/>, the deemed one included) is D.</item>
/// <item><b>Completed</b>: cases whose flow instance completed during D.</item>
/// <item><b>Overdue</b>: cases whose promised deadline is before D (it runs out at 24:00 of its day)
/// and that were either still open at the end of D or completed during D, i.e. completed late on D.
/// A case whose clocks a special procedure has stopped counts with its deadline moved by the
/// working days it has been stopped through D, as its clock shows it.</item>
/// </list>
/// A row is stored for every department of the catalogue and every department with a figure, so
/// a quiet department reads 0 rather than missing. The figures are those known when the snapshot
/// is taken: taking a past day again counts what has been recorded since (a deemed acceptance dates
/// back to receipt, for instance).
/// </summary>
internal sealed class StatisticsSnapshot(ApprovalDbContext db, WorkingCalendar calendar, TimeProvider clock)
{
    public async Task<IReadOnlyList<DailySnapshot>> TakeAsync(DateOnly day, CancellationToken ct = default)
    {
        var start = ChinaTime.StartOf(day);
        var end = ChinaTime.EndOf(day);
        var cases = db.Cases.AsNoTracking().Where(c => c.ItemCode != null);

        var accepted = await CountAsync(cases.Where(c => c.AcceptedOn == day), ct);
        var completed = await CountAsync(cases.Where(c => c.Instance.CompletedAt >= start && c.Instance.CompletedAt < end), ct);
        var late = cases.Where(c => c.PromisedDeadline < day && (c.Instance.CompletedAt == null || c.Instance.CompletedAt >= start));
        var overdue = await CountAsync(late.Where(c => !db.CasePauses.Any(p => p.CaseId == c.Id && p.End == null)), ct);
        foreach (var department in await StoppedButLateAsync(late, day, ct))
        {
            overdue[department] = overdue.GetValueOrDefault(department) + 1;
        }

        var departments = (await db.PowerItems.AsNoTracking().Select(i => i.Department).Distinct().ToListAsync(ct))
            .Union(accepted.Keys).Union(completed.Keys).Union(overdue.Keys)
            .ToHashSet(StringComparer.Ordinal);
        var takenAt = clock.GetUtcNow();
        var stored = await db.DailySnapshots.Where(s => s.Day == day).ToDictionaryAsync(s => s.Department, StringComparer.Ordinal, ct);

        // Rows are updated in place, added and removed in one SaveChanges: one transaction, so a
        // reader sees the day's old figures or its new ones, and the day never holds a department twice.
        var rows = new List<DailySnapshot>();
        foreach (var department in departments.Order(StringComparer.Ordinal))
        {
            if (!stored.Remove(department, out var row))
            {
                row = new DailySnapshot { Day = day, Department = department };
                db.DailySnapshots.Add(row);
            }

            row.Accepted = accepted.GetValueOrDefault(department);
            row.Completed = completed.GetValueOrDefault(department);
            row.Overdue = overdue.GetValueOrDefault(department);
            row.TakenAt = takenAt;
            rows.Add(row);
        }

        db.DailySnapshots.RemoveRange(stored.Values);
        await db.SaveChangesAsync(ct);
        return rows;
    }

    private static async Task<Dictionary<string, int>> CountAsync(IQueryable<Case> cases, CancellationToken ct) =>
        await cases.GroupBy(c => c.Department ?? "")
            .Select(g => new { Department = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Department, g => g.Count, StringComparer.Ordinal, ct);

    // A stopped clock: its stored deadline counted the open pause only up to the day it was last
    // computed, so the deadline is computed again with the pause running through D.
    private async Task<List<string>> StoppedButLateAsync(IQueryable<Case> late, DateOnly day, CancellationToken ct)
    {
        var stopped = await late.Where(c => db.CasePauses.Any(p => p.CaseId == c.Id && p.End == null))
            .Select(c => new { c.Id, c.Department, c.AcceptedOn, c.PromisedLimit, c.Extension, c.ExtensionDays })
            .ToListAsync(ct);
        if (stopped.Count == 0)
        {
            return [];
        }

        var ids = stopped.Select(c => c.Id).ToList();
        var pauses = (await db.CasePauses.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToListAsync(ct)).ToLookup(p => p.CaseId);
        return [.. stopped
            .Where(c => calendar.Compute(
                c.AcceptedOn!.Value,
                c.PromisedLimit,
                [.. pauses[c.Id].Select(p => new DatePause(p.Start, p.End ?? (day > p.Start ? day : p.Start)))],
                c.Extension == ExtensionState.Approved ? c.ExtensionDays : 0).Date < day)
            .Select(c => c.Department ?? "")];
    }
}
