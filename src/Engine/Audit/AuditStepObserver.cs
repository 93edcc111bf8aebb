using Approval.Engine.Runtime;

namespace Approval.Engine.Audit;

/// <summary>Every human step completed, with its outcome and comment, in the step's own transaction.</summary>
internal sealed class AuditStepObserver(AuditLog audit) : IStepObserver
{
    public ValueTask TaskOpenedAsync(WorkflowInstance instance, WorkflowTask task, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask TaskCompletedAsync(WorkflowInstance instance, WorkflowTask task, string outcome, CancellationToken ct)
    {
        audit.Record(AuditActions.TaskCompleted, AuditResources.Task, task.Id.ToString(), new
        {
            caseId = instance.Id,
            step = task.ActivityId,
            stepName = task.Name,
            outcome,
            comment = task.Comment,
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask InstanceFinishedAsync(WorkflowInstance instance, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask StepSavedAsync(CancellationToken ct) => ValueTask.CompletedTask;
}
