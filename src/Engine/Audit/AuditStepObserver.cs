using Approval.Engine.Runtime;

namespace Approval.Engine.Audit;

/// <summary>Every human step completed, with its outcome and comment, in the step's own transaction.</summary>
internal sealed class AuditStepObserver(AuditLog audit) : IStepObserver
{
    public ValueTask TaskOpenedAsync(WorkflowInstance instance, WorkflowTask task, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask TaskCompletedAsync(CompletedStep step, CancellationToken ct)
    {
        audit.Record(AuditActions.TaskCompleted, AuditResources.Task, step.Task.Id.ToString(), new
        {
            caseId = step.Instance.Id,
            step = step.Task.ActivityId,
            stepName = step.Task.Name,
            outcome = step.Outcome,
            comment = step.Task.Comment,
        }, step.Actor);
        return ValueTask.CompletedTask;
    }

    public ValueTask InstanceFinishedAsync(WorkflowInstance instance, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask StepSavedAsync(CancellationToken ct) => ValueTask.CompletedTask;
}
