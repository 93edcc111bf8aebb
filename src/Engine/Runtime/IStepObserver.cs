namespace Approval.Engine.Runtime;

/// <summary>
/// What the domain learns of an instance's steps, inside the step's unit of work: whatever an
/// observer changes on the tracked entities is saved in the same transaction as the step.
/// </summary>
internal interface IStepObserver
{
    /// <summary>A human step's task has opened (e.g. to give it its due date).</summary>
    ValueTask TaskOpenedAsync(WorkflowInstance instance, WorkflowTask task, CancellationToken ct);

    /// <summary>A human step has been completed with <paramref name="outcome"/>.</summary>
    ValueTask TaskCompletedAsync(WorkflowInstance instance, WorkflowTask task, string outcome, CancellationToken ct);

    /// <summary>The instance reached an End (or faulted): it will not move again.</summary>
    ValueTask InstanceFinishedAsync(WorkflowInstance instance, CancellationToken ct);

    /// <summary>The step has been saved: work that must follow the commit (scheduling timers) goes here.</summary>
    ValueTask StepSavedAsync(CancellationToken ct);

    /// <summary>An Escalate activity ran, e.g. on a step's Overdue signal.</summary>
    ValueTask EscalatedAsync(WorkflowInstance instance, string activityName, Approval.Activities.Contract.ActivityResult.Escalated escalation, CancellationToken ct) =>
        ValueTask.CompletedTask;
}
