namespace Approval.Engine.Deadlines;

/// <summary>
/// What follows a clock change on paper: the special procedure notice (特别程序告知书, Art. 45) and the
/// extension notice (延期通知书, Art. 42). The notices feature implements it, so that the clocks do
/// not depend on it; each is called inside the change's unit of work, after the clocks moved, so what
/// it adds is saved with the change.
/// </summary>
internal interface IClockNotices
{
    ValueTask SpecialProcedureStartedAsync(Cases.Case @case, CasePause pause, Runtime.Actor actor, CancellationToken ct);

    ValueTask ExtensionApprovedAsync(Cases.Case @case, string? comment, Runtime.Actor actor, CancellationToken ct);
}
