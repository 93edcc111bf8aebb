using Approval.Activities.Human;
using Approval.Activities.Windows;
using Approval.Engine.Cases;
using Approval.Engine.Deadlines;
using Approval.Engine.Catalogue;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>
/// The engine's side of the window-authorisation activity: the facts it decides on, read within
/// the step's unit of work (the acceptance that precedes it is not saved yet), and the referral.
/// </summary>
internal sealed class WindowAuthority(ApprovalDbContext db, CaseClock clocks) : IWindowAuthority
{
    public async ValueTask<WindowAuthorizationFacts> GetFactsAsync(Guid instanceId, CancellationToken ct)
    {
        var @case = await CaseAsync(instanceId, ct);
        if (@case?.ItemCode is null)
        {
            return new WindowAuthorizationFacts();
        }

        var item = await db.PowerItems.AsNoTracking().FirstAsync(i => i.Code == @case.ItemCode, ct);
        var acceptedBy = await AcceptedByAsync(instanceId, ct);
        var window = acceptedBy is null
            ? null
            : await db.Windows.AsNoTracking()
                .Where(w => db.WindowAssignments.Any(a => a.WindowId == w.Id && a.UserName == acceptedBy && a.EndedOn == null))
                .Include(w => w.Grants.Where(g => g.ItemCode == item.Code))
                .FirstOrDefaultAsync(ct);
        var grant = window?.Grants.FirstOrDefault();
        var authority = window?.HeadAuthorityIn(item.Department) ?? ApprovalAuthority.None;
        return new WindowAuthorizationFacts
        {
            ItemCode = item.Code,
            ItemName = item.Name,
            Instant = item.CaseKind == CaseKind.Instant,
            MissingMaterials = MaterialCheck.Missing(item.Materials, @case.Materials),
            AcceptedBy = acceptedBy,
            Window = window?.Number,
            MayDecideOnTheSpot = grant is { MayAccept: true, MayDecideOnTheSpot: true },
            HeadAuthority = window is null ? null : WindowNames.Of(authority),
            HeadAuthorityMeetsGrant = authority >= WindowNames.OnTheSpotAuthority,
        };
    }

    /// <summary>
    /// An instant item's promise was the acceptance day itself; referred, it becomes the reply limit:
    /// the one asked for, at most 70% of the statutory limit (the catalogue's compression rule), halved
    /// for a major project as every promise is.
    /// </summary>
    public async ValueTask<string?> ReferAsync(Guid instanceId, int? replyLimitDays, CancellationToken ct)
    {
        var @case = await CaseAsync(instanceId, ct);
        if (@case is not { ItemCode: not null, AcceptedOn: not null })
        {
            return null;
        }

        if (@case.PromisedLimit > 0)
        {
            return $"部门在承诺时限内（{@case.PromisedDeadline:yyyy-MM-dd} 前）回复结果。";
        }

        var cap = @case.StatutoryLimit * 7 / 10;
        var limit = Math.Min(replyLimitDays ?? cap, cap);
        if (@case.MajorProject)
        {
            limit = Case.MajorProjectTarget(limit);
        }

        if (limit <= 0)
        {
            return $"法定时限 {@case.StatutoryLimit} 个工作日，部门须于受理当日回复结果。";
        }

        @case.PromisedLimit = limit;
        await clocks.RecomputeAsync(@case, ClockEventKind.Referred,
            $"即办件转部门办理，回复时限 {limit} 个工作日，自受理次日起算。", by: null, ct);
        return $"部门须在 {limit} 个工作日内（{@case.PromisedDeadline:yyyy-MM-dd} 前）回复结果。";
    }

    private async Task<Case?> CaseAsync(Guid id, CancellationToken ct) =>
        db.Cases.Local.FirstOrDefault(c => c.Id == id) ?? await db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct);

    // The clerk of the latest acceptance; the one that led here is tracked but not yet saved.
    private async Task<string?> AcceptedByAsync(Guid instanceId, CancellationToken ct)
    {
        static bool IsAcceptance(WorkflowTask t) =>
            t.ActivityType == Accept.TypeName && t.Status == WorkTaskStatus.Completed && t.Outcome == Accept.Accepted;

        var local = db.Tasks.Local.Where(t => t.InstanceId == instanceId && IsAcceptance(t)).MaxBy(t => t.CompletedAt);
        return local?.CompletedBy ?? await db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.ActivityType == Accept.TypeName && t.Status == WorkTaskStatus.Completed && t.Outcome == Accept.Accepted)
            .OrderByDescending(t => t.CompletedAt)
            .Select(t => t.CompletedBy)
            .FirstOrDefaultAsync(ct);
    }
}
