using Approval.Engine.Cases;
using Approval.Engine.Deadlines;
using Approval.Engine.Runtime;

namespace Approval.Engine.Notices;

/// <summary>
/// The notices a clock change calls for: the special procedure notice (特别程序告知书) when one starts, the
/// extension notice (延期通知书) when the head approves an extension. Both keep what the change set (the
/// procedure, the new deadlines) in their facts, so they read the same whenever they are first drawn.
/// </summary>
internal sealed class ClockNotices(NoticeIssuer issuer) : IClockNotices
{
    public ValueTask SpecialProcedureStartedAsync(Case @case, CasePause pause, Actor actor, CancellationToken ct)
    {
        issuer.Issue(@case, NoticeKind.SpecialProcedure, new NoticeFacts
        {
            Reasons = pause.Reason.Trim(),
            Procedure = pause.Kind,
            ProcedureStart = pause.Start,
            ExpectedDays = pause.ExpectedDays,
        }, actor);
        return ValueTask.CompletedTask;
    }

    public ValueTask ExtensionApprovedAsync(Case @case, string? comment, Actor actor, CancellationToken ct)
    {
        issuer.Issue(@case, NoticeKind.Extension, new NoticeFacts
        {
            Reasons = @case.ExtensionReason,
            ExtensionDays = @case.ExtensionDays,
            PromisedDeadline = @case.PromisedDeadline,
            StatutoryDeadline = @case.StatutoryDeadline,
        }, actor);
        return ValueTask.CompletedTask;
    }
}
