using Approval.Engine.Runtime;
using Approval.Engine.UseCases;

namespace Approval.Engine.Tasks;

/// <summary>
/// Completes a task that is not a step of a flow (an escalation task, <see cref="TaskKind.Escalation"/>):
/// <see cref="CompleteTask"/> checks who may, then hands it to the completion of its kind, which the
/// feature owning that kind registers. The runtime never sees such a task.
/// </summary>
internal interface ITaskKindCompletion
{
    TaskKind Kind { get; }

    /// <summary>
    /// Completes <paramref name="task"/> (tracked, with its instance) for <paramref name="actor"/>, whose
    /// permission the caller has checked, as it has the outcome's and comment's presence and length.
    /// </summary>
    Task<Result<CompleteTaskResponse>> CompleteAsync(WorkflowTask task, string outcome, string? comment, Actor actor, CancellationToken ct);
}
