using Approval.Engine.Definitions;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Runtime;

/// <summary>Starts instances of published flows and completes their tasks.</summary>
internal sealed class WorkflowRuntime(
    ApprovalDbContext db, DefinitionStore definitions, TimeProvider clock, IEnumerable<IStepObserver> observers,
    IServiceProvider ports, ILogger<WorkflowRuntime> logger)
{
    private readonly IStepObserver[] _observers = [.. observers];

    private const int MaxAttempts = 5;

    /// <summary>
    /// Adds a new instance of <paramref name="flow"/> to the context and runs it to its first waits.
    /// The caller saves, so the instance is stored in one transaction with whatever it belongs to.
    /// </summary>
    public async Task<(WorkflowInstance Instance, IReadOnlyList<WorkflowTask> Tasks)> StartAsync(
        CompiledDefinition flow, string variablesJson, string? department, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(now),
            DefinitionId = flow.Definition.DefinitionId,
            DefinitionVersion = flow.Definition.Version,
            Status = InstanceStatus.Running,
            Department = department,
            Variables = variablesJson,
            CreatedAt = now,
        };
        db.Instances.Add(instance);
        var execution = new FlowExecution(db, instance, flow, now, actor, _observers, ports);
        await execution.RunAsync([FlowExecution.StartToken(flow)], ct);
        return (instance, execution.CreatedTasks);
    }

    /// <summary>
    /// Sends an open step a signal (Overdue) and runs what the flow wires to it, leaving the task
    /// open; saved in one transaction, retried on fresh state when the instance moved meanwhile.
    /// </summary>
    public async Task<SignalResult> SignalAsync(Guid taskId, string signal, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var task = await db.Tasks.Include(t => t.Instance).FirstOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || task.Status != WorkTaskStatus.Open || task.Instance.Status != InstanceStatus.Running)
            {
                return SignalResult.NotOpen;
            }

            var flow = await definitions.GetAsync(db, task.Instance.DefinitionId, task.Instance.DefinitionVersion, ct);
            if (!flow.Nodes[task.ActivityId].Descriptor.HasSignal(signal) || flow.Graph.Outgoing(task.ActivityId, signal).Count == 0)
            {
                return SignalResult.NotWired;
            }

            var execution = new FlowExecution(db, task.Instance, flow, clock.GetUtcNow(), null, _observers, ports);
            await execution.SignalAsync(task, signal, ct);
            task.Instance.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                foreach (var observer in _observers)
                {
                    await observer.StepSavedAsync(ct);
                }

                return SignalResult.Followed;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Completes an open step of the flow with one of its activity's outcomes and runs the flow on,
    /// saving the step in one transaction. Whether <paramref name="actor"/> may complete it is the
    /// caller's to have decided (<c>CompleteTask</c>); <paramref name="task"/> is tracked, loaded with
    /// its instance. When another node or click moved the instance first, the step is tried again on
    /// fresh state, where a task already completed gives <see cref="Completion.Status.Conflict"/>.
    /// </summary>
    public async Task<Completion> CompleteTaskAsync(
        WorkflowTask task, string outcome, string? comment, Actor actor, CancellationToken ct, StepDetails? details = null)
    {
        var taskId = task.Id;
        for (var attempt = 1; ; attempt++)
        {
            // A retry reads the task afresh: the first attempt's changes were cleared with the tracker.
            if (attempt > 1 && await db.Tasks.Include(t => t.Instance).FirstOrDefaultAsync(t => t.Id == taskId, ct) is { } fresh)
            {
                task = fresh;
            }

            if (task.Status != WorkTaskStatus.Open || task.Instance.Status != InstanceStatus.Running)
            {
                return new(Completion.Status.Conflict, task);
            }

            var flow = await definitions.GetAsync(db, task.Instance.DefinitionId, task.Instance.DefinitionVersion, ct);
            var descriptor = flow.Nodes[task.ActivityId].Descriptor;
            if (!descriptor.HasOutcome(outcome))
            {
                return new(Completion.Status.InvalidOutcome, task, AllowedOutcomes: [.. descriptor.Outcomes.Select(o => o.Name)]);
            }

            var execution = new FlowExecution(db, task.Instance, flow, clock.GetUtcNow(), actor, _observers, ports);
            await execution.CompleteAsync(task, outcome, comment, ct, details);
            task.Instance.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                foreach (var observer in _observers)
                {
                    await observer.StepSavedAsync(ct);
                }

                return new(Completion.Status.Completed, task, execution.CreatedTasks);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                logger.LogDebug("Instance {InstanceId} moved under task {TaskId}; trying again ({Attempt}).", task.InstanceId, taskId, attempt);
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return new(Completion.Status.Conflict, task);
            }
        }
    }
}

/// <summary>How a platform signal to a step went.</summary>
internal enum SignalResult
{
    Followed,
    NotWired,
    NotOpen,
}

/// <summary>What became of completing a step.</summary>
internal sealed record Completion(
    Completion.Status Result,
    WorkflowTask Task,
    IReadOnlyList<WorkflowTask>? OpenedTasks = null,
    IReadOnlyList<string>? AllowedOutcomes = null)
{
    public enum Status
    {
        Completed,

        /// <summary>The task is no longer open, or its case no longer runs; or others kept moving it first.</summary>
        Conflict,

        /// <summary>The outcome is not one of the step's activity (<see cref="AllowedOutcomes"/>).</summary>
        InvalidOutcome,
    }
}
