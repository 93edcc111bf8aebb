namespace Approval.Engine.Runtime;

/// <summary>
/// A rule beyond role and department on who may complete a task (a window's grants, say). Asked by
/// <c>CompleteTask</c> with the rest of the permission check, before anything changes, so a refusal
/// leaves the task and its instance as they were.
/// </summary>
internal interface ITaskGuard
{
    /// <summary>Null when <paramref name="actor"/> may complete <paramref name="task"/>, else why not.</summary>
    ValueTask<string?> RefuseAsync(Actor actor, WorkflowTask task, CancellationToken ct);
}
