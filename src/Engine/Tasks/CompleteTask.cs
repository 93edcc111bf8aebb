using System.Security.Claims;
using Approval.Activities.Registry;
using Approval.Engine.Access;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Tasks;

internal sealed record CompleteTaskCommand(Guid TaskId, string? Outcome, string? Comment);

/// <summary>
/// Completes a task (办理任务): a step of the case's flow, which the runtime then moves on, or a
/// task of another kind, such as a red card's escalation task, which its feature completes
/// (<see cref="ITaskKindCompletion"/>). Who may complete it is decided
/// here, once: the task's role and department (<see cref="TaskAccess"/>) and the rules beyond them
/// (<see cref="ITaskGuard"/>: a window's grants).
/// </summary>
internal sealed class CompleteTask(
    ApprovalDbContext db, IAuthorizationService authorization, IEnumerable<ITaskGuard> guards, WorkflowRuntime runtime,
    IEnumerable<ITaskKindCompletion> kinds, ActivityRegistry registry)
{
    public const int MaxCommentLength = 2000;

    public async Task<Result<CompleteTaskResponse>> RunAsync(CompleteTaskCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await db.Tasks.Include(t => t.Instance).FirstOrDefaultAsync(t => t.Id == command.TaskId, ct);
        if (await authorization.RefusalAsync(user, Policies.Tasks.Complete, task, Operations.Complete, $"There is no task {command.TaskId}.") is { } refused)
        {
            return refused;
        }

        var actor = Actor.From(user);
        foreach (var guard in guards)
        {
            if (await guard.RefuseAsync(actor, task!, ct) is { } refusal)
            {
                return new Refusal.Forbidden(refusal);
            }
        }

        if (Invalid(command.Outcome, command.Comment) is { } invalid)
        {
            return invalid;
        }

        if (kinds.FirstOrDefault(k => k.Kind == task!.Kind) is { } kind)
        {
            return await kind.CompleteAsync(task!, command.Outcome!, command.Comment, actor, ct);
        }

        var completion = await runtime.CompleteTaskAsync(task!, command.Outcome!, command.Comment, actor, ct);
        return completion.Result switch
        {
            Completion.Status.Completed => Answer(completion.Task, completion.OpenedTasks ?? [], registry),
            Completion.Status.Conflict => NoLongerOpen(command.TaskId),
            _ => NotAnOutcome(command.Outcome!, completion.AllowedOutcomes ?? []),
        };
    }

    /// <summary>What is wrong with the outcome and comment of a completion, whatever the task.</summary>
    public static Refusal.Invalid? Invalid(string? outcome, string? comment) =>
        string.IsNullOrWhiteSpace(outcome) ? new Refusal.Invalid("outcome", "outcome is required.")
        : comment?.Length > MaxCommentLength ? new Refusal.Invalid("comment", $"comment is longer than {MaxCommentLength} characters.")
        : null;

    public static CompleteTaskResponse Answer(WorkflowTask task, IEnumerable<WorkflowTask> opened, ActivityRegistry registry) => new(
        TaskResponse.From(task, registry), task.Instance.Status, task.Instance.Result, [.. opened.Select(t => TaskResponse.From(t, registry))]);

    public static Refusal.Conflict NoLongerOpen(Guid taskId) => new($"Task {taskId} is no longer open: it was completed or closed.");

    public static Refusal.Invalid NotAnOutcome(string outcome, IEnumerable<string> allowed) =>
        new("outcome", $"'{outcome}' is not an outcome of this step; it has: {string.Join(", ", allowed)}.");
}
