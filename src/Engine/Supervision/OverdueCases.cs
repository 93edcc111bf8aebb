using Approval.Engine.Cases;
using Approval.Engine.Deadlines;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

/// <summary>A running case past its deadline, as the supervision office lists it.</summary>
public sealed record OverdueCase(
    Guid CaseId, string? ItemCode, string? Department, DateOnly? AcceptedOn, DateOnly PromisedDeadline, DateOnly? StatutoryDeadline,
    int WorkingDaysOverPromised, bool StatutoryBreached, bool Paused, int OpenWarnings);

/// <summary>
/// Running cases whose promised deadline (24:00 of its day) has passed, today in China time. A case
/// a special procedure has stopped counts with its deadline moved by the working days it has been
/// stopped through today, the way the daily statistics count it.
/// </summary>
internal sealed class OverdueCases(ApprovalDbContext db, WorkingCalendar calendar, TimeProvider clock)
{
    public async Task<List<OverdueCase>> ListAsync(string? department, bool statutoryOnly, int take, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var query = db.Cases.AsNoTracking()
            .Where(c => c.ItemCode != null && c.Instance.Status == InstanceStatus.Running && c.PromisedDeadline < today);
        query = department is null ? query : query.Where(c => c.Department == department);
        query = statutoryOnly ? query.Where(c => c.StatutoryDeadline < today) : query;
        var late = await query.OrderBy(c => c.PromisedDeadline).ThenBy(c => c.Id).Take(take).ToListAsync(ct);

        var ids = late.Select(c => c.Id).ToList();
        var pauses = (await db.CasePauses.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToListAsync(ct)).ToLookup(p => p.CaseId);
        var warnings = await db.Warnings.AsNoTracking().Where(w => ids.Contains(w.CaseId) && w.Status != WarningStatus.Resolved)
            .GroupBy(w => w.CaseId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var list = new List<OverdueCase>();
        foreach (var @case in late)
        {
            var paused = pauses[@case.Id].Any(p => p.End is null);
            var (promised, statutory) = (@case.PromisedDeadline!.Value, @case.StatutoryDeadline);
            if (paused)
            {
                // The stored deadlines counted the open pause only up to when they were last computed.
                var stops = pauses[@case.Id].Select(p => new DatePause(p.Start, p.End ?? (today > p.Start ? today : p.Start))).ToList();
                var extension = @case.Extension == ExtensionState.Approved ? @case.ExtensionDays : 0;
                promised = calendar.Compute(@case.AcceptedOn!.Value, @case.PromisedLimit, stops, extension).Date;
                statutory = calendar.Compute(@case.AcceptedOn!.Value, @case.StatutoryLimit, stops, extension).Date;
                if (promised >= today || (statutoryOnly && statutory >= today))
                {
                    continue;
                }
            }

            list.Add(new OverdueCase(
                @case.Id, @case.ItemCode, @case.Department, @case.AcceptedOn, promised, statutory,
                calendar.CountWorkingDays(promised, today), statutory < today, paused, warnings.GetValueOrDefault(@case.Id)));
        }

        return [.. list.OrderByDescending(c => c.WorkingDaysOverPromised).ThenBy(c => c.PromisedDeadline).Take(take)];
    }
}
