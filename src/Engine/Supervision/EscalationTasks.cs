using Approval.Engine.Deadlines;
using Approval.Activities.Contract;
using Approval.Engine.Cases;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

/// <summary>
/// The escalation task (督办任务) a red card opens for the case's department head. It sits in the
/// head's inbox beside the flow's steps but never moves the flow: completing it with what was done
/// resolves the card (<see cref="CompleteEscalation"/>), and resolving the card in the supervision view completes it. It stays open
/// after the case finishes, because the card is about the lateness, which finishing does not undo.
/// </summary>
internal sealed class EscalationTasks(ApprovalDbContext db, TimeProvider clock)
{
    public const string ActivityType = "Supervise";

    /// <summary>The one outcome: the head has dealt with it and says how.</summary>
    public const string Handled = TaskKindOutcomes.Handled;

    public static WorkflowTask Open(Case @case, Warning warning, string title, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = TaskKind.Escalation,
        InstanceId = @case.Id,
        ActivityId = $"card:{warning.Kind}",
        ActivityType = ActivityType,
        Name = title,
        Role = Roles.DepartmentHead,
        Department = @case.Department,
        Status = WorkTaskStatus.Open,
        CreatedAt = now,
    };

    /// <summary>The card was resolved in the supervision view: its task is done too. The caller saves.</summary>
    public async Task CloseForAsync(Warning warning, string? comment, string userName, CancellationToken ct)
    {
        if (warning.EscalationTaskId is { } id
            && await db.Tasks.FirstOrDefaultAsync(t => t.Id == id && t.Status == WorkTaskStatus.Open, ct) is { } task)
        {
            Close(task, Handled, comment, userName, clock.GetUtcNow());
        }
    }

    private static void Close(WorkflowTask task, string outcome, string? comment, string userName, DateTimeOffset now)
    {
        task.Status = WorkTaskStatus.Completed;
        task.Outcome = outcome;
        task.Comment = comment;
        task.CompletedBy = userName;
        task.CompletedAt = now;
    }
}
