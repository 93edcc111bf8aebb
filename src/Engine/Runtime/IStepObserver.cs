using Approval.Activities.Registry;

namespace Approval.Engine.Runtime;

/// <summary>
/// What the domain learns of an instance's steps, inside the step's unit of work: whatever an
/// observer changes on the tracked entities is saved in the same transaction as the step.
/// </summary>
internal interface IStepObserver
{
    /// <summary>A human step's task has opened (e.g. to give it its due date).</summary>
    ValueTask TaskOpenedAsync(WorkflowInstance instance, WorkflowTask task, CancellationToken ct);

    /// <summary>A human step has been completed: its task, its activity, the outcome and who completed it.</summary>
    ValueTask TaskCompletedAsync(CompletedStep step, CancellationToken ct);

    /// <summary>The instance reached an End (or faulted): it will not move again.</summary>
    ValueTask InstanceFinishedAsync(WorkflowInstance instance, CancellationToken ct);

    /// <summary>The step has been saved: work that must follow the commit (scheduling timers) goes here.</summary>
    ValueTask StepSavedAsync(CancellationToken ct);

    /// <summary>An Escalate activity ran, e.g. on a step's Overdue signal.</summary>
    ValueTask EscalatedAsync(WorkflowInstance instance, string activityName, Approval.Activities.Contract.ActivityResult.Escalated escalation, CancellationToken ct) =>
        ValueTask.CompletedTask;
}

/// <summary>
/// A human step just completed, as the observers learn of it: the task (already marked completed),
/// what its activity is to the platform (<see cref="ActivityDescriptor.Purpose"/>), the outcome, and
/// the person who completed it (their window too, for the acceptance's statistics).
/// </summary>
internal sealed record CompletedStep(
    WorkflowInstance Instance, WorkflowTask Task, ActivityDescriptor Activity, string Outcome, Actor Actor, StepDetails? Details = null);

