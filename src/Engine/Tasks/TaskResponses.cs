using Approval.Engine.Deadlines;
using Approval.Activities.Registry;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;

namespace Approval.Engine.Tasks;

public sealed record TaskResponse(
    Guid Id, Guid CaseId, string ActivityId, string ActivityType, string Name, string Role, string? Department,
    WorkTaskStatus Status, DateTimeOffset CreatedAt, IReadOnlyList<OutcomeDescriptor> Outcomes,
    string? Outcome = null, string? CompletedBy = null, DateTimeOffset? CompletedAt = null, DateOnly? DueOn = null,
    TaskKind Kind = TaskKind.Step, string? Comment = null)
{
    internal static TaskResponse From(WorkflowTask task, ActivityRegistry registry) => new(
        task.Id, task.InstanceId, task.ActivityId, task.ActivityType, task.Name, task.Role, task.Department,
        task.Status, task.CreatedAt,
        TaskKindOutcomes.Of(task.Kind) ?? registry.Find(task.ActivityType)?.Outcomes ?? [],
        task.Outcome, task.CompletedBy, task.CompletedAt, task.DueOn, task.Kind, task.Comment);
}

public sealed record CompleteTaskRequest(string Outcome, string? Comment);

public sealed record CompleteTaskResponse(
    TaskResponse Task, InstanceStatus CaseStatus, string? CaseResult, IReadOnlyList<TaskResponse> OpenedTasks);
