using System.Text.Json;
using Approval.Engine.Audit;
using Approval.Engine.Cases;
using Approval.Engine.Catalogue;
using Approval.Engine.Deadlines;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.Extensions.Options;

namespace Approval.Engine.Notices;

/// <summary>
/// Issues a notice on a case inside the caller's unit of work: the notice, with what the step gave,
/// and its audit entry are saved with the step or clock change that issued it, and that save gives it
/// its number under the write lock (<see cref="SequenceNumbers"/>). The audit entry names the notice by
/// its id: its number is not known until that save.
/// </summary>
internal sealed class NoticeIssuer(ApprovalDbContext db, IOptions<CentreOptions> centre, TimeProvider clock, AuditLog audit)
{
    private readonly List<CaseNotice> _issued = [];

    /// <summary>The notices issued in this scope, to be drawn once saved.</summary>
    public IReadOnlyList<CaseNotice> Issued => _issued;

    public CaseNotice Issue(Case @case, NoticeKind kind, NoticeFacts facts, Actor actor)
    {
        var now = clock.GetUtcNow();
        var notice = new CaseNotice
        {
            Id = Guid.CreateVersion7(now),
            CaseId = @case.Id,
            Kind = kind,
            NumberPrefix = centre.Value.NoticePrefix,
            IssuedAt = now,
            IssuedOn = ChinaTime.DateOf(now),
            IssuedBy = actor.UserName,
            Title = NoticeNumbers.Title(kind),
            Facts = JsonSerializer.Serialize(facts, CatalogueJson.Options),
        };
        db.Add(notice);
        _issued.Add(notice);
        audit.Record(AuditActions.NoticeIssued, AuditResources.Case, @case.Id.ToString(), new { notice = notice.Id, kind, title = notice.Title }, actor);
        return notice;
    }

    /// <summary>Forgets the notices issued so far (once drawn, or when their unit of work was thrown away).</summary>
    public void Clear() => _issued.Clear();
}
