using Approval.Designer.Services;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Studio;

/// <summary>A case's notices as the pages link them: opened with the login cookie (<c>/studio/cases/{id}/notices/{noticeId}</c>).</summary>
internal static class StudioNotices
{
    public static async Task<List<NoticeLink>> OfAsync(ApprovalDbContext db, Guid caseId, CancellationToken ct) =>
        [.. (await db.CaseNotices.AsNoTracking().Where(n => n.CaseId == caseId)
                .Select(n => new { n.Id, n.Title, n.Number, n.IssuedOn, n.IssuedAt, n.Kind }).ToListAsync(ct))
            .OrderBy(n => n.IssuedAt).ThenBy(n => (int)n.Kind)
            .Select(n => new NoticeLink(n.Title, n.Number, n.IssuedOn, $"/studio/cases/{caseId}/notices/{n.Id}"))];
}
