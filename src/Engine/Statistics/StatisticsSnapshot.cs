using Approval.Engine.Deadlines;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Statistics;

/// <summary>
/// Stores one China day D's figures per department as that day's <see cref="DailySnapshot"/>s,
/// replacing any taken before: accepted, completed and overdue exactly as a <see cref="StatisticsReport"/>
/// of D by department counts them (see <see cref="FigureDefinitions"/>), so the snapshot and the
/// reports never disagree on what a figure means. Only accepted applications for catalogue items count
/// (an administrator's try-out of a flow has no item; an application refused at the window was never
/// accepted). A case whose clocks a special procedure has stopped counts with its deadline moved by
/// the working days it has been stopped through D.
/// A row is stored for every department of the catalogue and every department with a figure, so
/// a quiet department reads 0 rather than missing. The figures are those known when the snapshot
/// is taken: taking a past day again counts what has been recorded since (a deemed acceptance dates
/// back to receipt, for instance).
/// </summary>
internal sealed class StatisticsSnapshot(ApprovalDbContext db, StatisticsReport reports, TimeProvider clock)
{
    public async Task<IReadOnlyList<DailySnapshot>> TakeAsync(DateOnly day, CancellationToken ct = default)
    {
        var report = await reports.RunAsync(new ReportQuery(day, day, ReportPeriod.Range, ReportGroup.Department), ChinaTime.Today(clock), ct);
        var takenAt = clock.GetUtcNow();
        var stored = await db.DailySnapshots.Where(s => s.Day == day).ToDictionaryAsync(s => s.Department, StringComparer.Ordinal, ct);

        // Rows are updated in place, added and removed in one SaveChanges: one transaction, so a
        // reader sees the day's old figures or its new ones, and the day never holds a department twice.
        var rows = new List<DailySnapshot>();
        foreach (var figures in report.Rows)
        {
            var department = figures.Key!;
            if (!stored.Remove(department, out var row))
            {
                row = new DailySnapshot { Day = day, Department = department };
                db.DailySnapshots.Add(row);
            }

            row.Accepted = figures.Accepted;
            row.Completed = figures.Completed;
            row.Overdue = figures.Overdue;
            row.TakenAt = takenAt;
            rows.Add(row);
        }

        db.DailySnapshots.RemoveRange(stored.Values);
        await db.SaveChangesAsync(ct);
        return rows;
    }
}
