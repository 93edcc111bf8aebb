using System.Security.Claims;
using Approval.Activities.Registry;
using Approval.Engine.Access;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Tasks;

internal sealed record CompleteTaskCommand(Guid TaskId, string? Outcome, string? Comment, StepDetails? Details = null);

/// <summary>
/// Completes a task (办理任务): a step of the case's flow, which the runtime then moves on, or a
/// task of another kind, such as a red card's escalation task, which its feature completes
/// (<see cref="ITaskKindCompletion"/>). Who may complete it is decided
/// here, once: the task's role and department (<see cref="TaskAccess"/>) and the rules beyond them
/// (<see cref="ITaskGuard"/>: a window's grants).
/// </summary>
internal sealed class CompleteTask(
    ApprovalDbContext db, IAuthorizationService authorization, IEnumerable<ITaskGuard> guards, WorkflowRuntime runtime,
    IEnumerable<ITaskKindCompletion> kinds, IEnumerable<ICompletionRule> rules, ActivityRegistry registry)
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

        // A step already done by someone else says so, before any rule on what this completion gives.
        if (task!.Status != WorkTaskStatus.Open)
        {
            return await DoneAlreadyAsync(task, ct);
        }

        var details = command.Details ?? StepDetails.None;
        foreach (var rule in rules)
        {
            if (await rule.CheckAsync(task, command.Outcome!, command.Comment, details, actor, ct) is { } broken)
            {
                return broken;
            }
        }

        var completion = await runtime.CompleteTaskAsync(task, command.Outcome!, command.Comment, actor, ct, details);
        return completion.Result switch
        {
            Completion.Status.Completed => Answer(completion.Task, completion.OpenedTasks ?? [], registry),
            Completion.Status.Conflict => await DoneAlreadyAsync(completion.Task, ct),
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

    /// <summary>
    /// The task was completed meanwhile (another click, another clerk): the conflict says by whom, when
    /// and how (<c>completedBy</c>, <c>completedByName</c>, <c>completedAt</c>, <c>outcome</c>), so a page shows
    /// "已由 X 于 HH:mm 办理" rather than an error.
    /// </summary>
    private async Task<Refusal> DoneAlreadyAsync(WorkflowTask seen, CancellationToken ct)
    {
        // As saved: the tracked task may hold this attempt's own completion, which did not land.
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == seen.Id, ct) ?? seen;
        if (task.Status != WorkTaskStatus.Completed || task.CompletedBy is null)
        {
            return NoLongerOpen(task.Id);
        }

        var name = await db.Users.AsNoTracking().Where(u => u.UserName == task.CompletedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new Refusal.Conflict($"Task {task.Id} was completed by {task.CompletedBy} at {task.CompletedAt:O} ({task.Outcome}).")
        {
            Title = "The task was completed meanwhile",
            Extensions = new Dictionary<string, object?>
            {
                ["completedBy"] = task.CompletedBy,
                ["completedByName"] = name ?? task.CompletedBy,
                ["completedAt"] = task.CompletedAt,
                ["outcome"] = task.Outcome,
            },
        };
    }

    public static Refusal.Conflict NoLongerOpen(Guid taskId) => new($"Task {taskId} is no longer open: it was completed or closed.");

    public static Refusal.Invalid NotAnOutcome(string outcome, IEnumerable<string> allowed) =>
        new("outcome", $"'{outcome}' is not an outcome of this step; it has: {string.Join(", ", allowed)}.");
}
