using System.Security.Claims;
using Approval.Activities.Registry;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Tasks;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

internal sealed record CompleteEscalationCommand(Guid TaskId, string? Outcome, string? Comment);

/// <summary>
/// Completes an escalation task (督办任务, <see cref="EscalationTasks"/>) with what was done about the
/// lateness: the task closes and its red card is resolved with it, in one transaction and one audit
/// entry. It never moves the case's flow. The inbox reaches it through <see cref="CompleteTask"/>.
/// </summary>
internal sealed class CompleteEscalation(
    ApprovalDbContext db, IAuthorizationService authorization, TimeProvider clock, AuditLog audit, ActivityRegistry registry)
    : ITaskKindCompletion
{
    public TaskKind Kind => TaskKind.Escalation;

    public async Task<Result<CompleteTaskResponse>> RunAsync(CompleteEscalationCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await db.Tasks.Include(t => t.Instance)
            .FirstOrDefaultAsync(t => t.Id == command.TaskId && t.Kind == TaskKind.Escalation, ct);
        var notFound = $"There is no escalation task {command.TaskId}.";
        if (await authorization.RefusalAsync(user, Policies.Tasks.Complete, task, Operations.Complete, notFound) is { } refused)
        {
            return refused;
        }

        if (CompleteTask.Invalid(command.Outcome, command.Comment) is { } invalid)
        {
            return invalid;
        }

        return await CompleteAsync(task!, command.Outcome!, command.Comment, Actor.From(user), ct);
    }

    /// <inheritdoc/>
    public async Task<Result<CompleteTaskResponse>> CompleteAsync(WorkflowTask task, string outcome, string? comment, Actor actor, CancellationToken ct)
    {
        if (outcome != EscalationTasks.Handled)
        {
            return CompleteTask.NotAnOutcome(outcome, [EscalationTasks.Handled]);
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return new Refusal.Invalid("comment", "Say in the comment what was done about it.");
        }

        if (task.Status != WorkTaskStatus.Open)
        {
            return CompleteTask.NoLongerOpen(task.Id);
        }

        // Two heads at once: the first to close it wins, the second gets a conflict.
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var closed = await db.Tasks
            .Where(t => t.Id == task.Id && t.Status == WorkTaskStatus.Open)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.Status, WorkTaskStatus.Completed)
                .SetProperty(t => t.Outcome, EscalationTasks.Handled)
                .SetProperty(t => t.Comment, comment)
                .SetProperty(t => t.CompletedBy, actor.UserName)
                .SetProperty(t => t.CompletedAt, now), ct);
        if (closed == 0)
        {
            return CompleteTask.NoLongerOpen(task.Id);
        }

        var warning = await db.Warnings.FirstOrDefaultAsync(w => w.EscalationTaskId == task.Id, ct);
        if (warning is { Status: not WarningStatus.Resolved })
        {
            warning.Status = WarningStatus.Resolved;
            warning.Comment = comment;
            warning.HandledBy = actor.UserName;
            warning.HandledAt = now;
        }

        // One entry: handling the task resolves its card with it.
        audit.Record(AuditActions.EscalationHandled, AuditResources.Task, task.Id.ToString(), new
        {
            caseId = task.InstanceId,
            outcome = EscalationTasks.Handled,
            comment,
            warningId = warning?.Id,
        }, actor);
        await db.SaveChangesAsync(ct);

        await transaction.CommitAsync(ct);
        await db.Entry(task).ReloadAsync(ct);
        return CompleteTask.Answer(task, [], registry);
    }
}
