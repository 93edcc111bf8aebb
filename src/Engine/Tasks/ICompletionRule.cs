using Approval.Engine.Runtime;
using Approval.Engine.UseCases;

namespace Approval.Engine.Tasks;

/// <summary>
/// A rule an outcome must keep beyond being one of its step's (the reason a refusal needs, the
/// materials a correction lists, the fee a certificate is charged): checked by <see cref="CompleteTask"/>
/// before the step moves, so a completion that breaks one changes nothing.
/// </summary>
internal interface ICompletionRule
{
    ValueTask<Refusal?> CheckAsync(WorkflowTask task, string outcome, string? comment, StepDetails details, Actor actor, CancellationToken ct);
}
