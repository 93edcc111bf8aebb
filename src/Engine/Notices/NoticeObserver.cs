using Approval.Activities.Human;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Notices;

/// <summary>
/// Issues the notices a step's outcome calls for, on cases for a catalogue item (a trial case gets none):
/// acceptance (受理通知书), the correction notice (一次性补正告知书) or the refusal to accept (不予受理决定书);
/// the decision to grant or deny (准予／不予许可决定书); the certificate (证照). It reads only what the step
/// gave, never what another observer of the step sets on the case, so the observers' order does not matter;
/// the case's part is read when the notice is drawn, after the save (<see cref="NoticeRendering"/>).
/// </summary>
internal sealed class NoticeObserver(ApprovalDbContext db, NoticeIssuer issuer, NoticeRendering rendering, ILogger<NoticeObserver> logger)
    : IStepObserver
{
    public ValueTask TaskOpenedAsync(WorkflowInstance instance, WorkflowTask task, CancellationToken ct) => ValueTask.CompletedTask;

    public async ValueTask TaskCompletedAsync(CompletedStep step, CancellationToken ct)
    {
        NoticeKind? kind = (step.Task.ActivityType, step.Outcome) switch
        {
            (Accept.TypeName, Accept.Accepted) => NoticeKind.Acceptance,
            (Accept.TypeName, Accept.NeedsCorrection) => NoticeKind.Correction,
            (Accept.TypeName, Accept.Refused) => NoticeKind.RefusalToAccept,
            (Decide.TypeName, Decide.Grant) => NoticeKind.Grant,
            (Decide.TypeName, Decide.Deny) => NoticeKind.Denial,
            (nameof(Certify), Certify.Issued) => NoticeKind.Certificate,
            _ => null,
        };
        if (kind is null || step.Task.Kind != TaskKind.Step)
        {
            return;
        }

        var @case = db.Cases.Local.FirstOrDefault(c => c.Id == step.Instance.Id)
            ?? await db.Cases.FirstOrDefaultAsync(c => c.Id == step.Instance.Id, ct);
        if (@case?.ItemCode is null)
        {
            return;
        }

        // A case returned to the window and accepted again was accepted once: each of a step's notices is given once.
        if (db.CaseNotices.Local.Any(n => n.CaseId == @case.Id && n.Kind == kind)
            || await db.CaseNotices.AnyAsync(n => n.CaseId == @case.Id && n.Kind == kind, ct))
        {
            return;
        }

        var details = step.Details ?? StepDetails.None;
        issuer.Issue(@case, kind.Value, new NoticeFacts
        {
            Reasons = string.IsNullOrWhiteSpace(step.Task.Comment) ? null : step.Task.Comment.Trim(),
            LegalBasis = (details.LegalBasis ?? step.Task.LegalBasis)?.Trim(),
            Materials = kind == NoticeKind.Correction
                ? [.. (details.MissingMaterials ?? []).Select(m => m.Trim()).Where(m => m.Length > 0).Distinct()]
                : null,
            Fee = kind == NoticeKind.Certificate ? details.Fee : null,
            FeeReceipt = kind == NoticeKind.Certificate && !string.IsNullOrWhiteSpace(details.FeeReceipt) ? details.FeeReceipt.Trim() : null,
        }, step.Actor);
    }

    public ValueTask InstanceFinishedAsync(WorkflowInstance instance, CancellationToken ct) => ValueTask.CompletedTask;

    /// <summary>Draws the step's notices now that they have their numbers; one that fails is drawn on first download instead.</summary>
    public async ValueTask StepSavedAsync(CancellationToken ct)
    {
        // A notice of an attempt that was retried was cleared from the tracker with it: only the saved ones are drawn.
        var saved = issuer.Issued.Where(n => db.Entry(n).State == EntityState.Unchanged).ToList();
        issuer.Clear();
        foreach (var notice in saved)
        {
            try
            {
                await rendering.PdfOfAsync(notice, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The step is saved and stays so; the notice is drawn when first downloaded, where the error shows.
                logger.LogError(e, "Notice {NoticeId} ({Number}) could not be drawn after its step; it will be on first download.", notice.Id, notice.Number);
            }
        }
    }
}
