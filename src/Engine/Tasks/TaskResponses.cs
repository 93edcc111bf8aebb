using Approval.Engine.Deadlines;
using Approval.Activities.Registry;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;

namespace Approval.Engine.Tasks;

public sealed record TaskResponse(
    Guid Id, Guid CaseId, string ActivityId, string ActivityType, string Name, string Role, string? Department,
    WorkTaskStatus Status, DateTimeOffset CreatedAt, IReadOnlyList<OutcomeDescriptor> Outcomes,
    string? Outcome = null, string? CompletedBy = null, DateTimeOffset? CompletedAt = null, DateOnly? DueOn = null,
    TaskKind Kind = TaskKind.Step, string? Comment = null, string? LegalBasis = null)
{
    internal static TaskResponse From(WorkflowTask task, ActivityRegistry registry) => new(
        task.Id, task.InstanceId, task.ActivityId, task.ActivityType, task.Name, task.Role, task.Department,
        task.Status, task.CreatedAt,
        TaskKindOutcomes.Of(task.Kind) ?? registry.Find(task.ActivityType)?.Outcomes ?? [],
        task.Outcome, task.CompletedBy, task.CompletedAt, task.DueOn, task.Kind, task.Comment, task.LegalBasis);
}

/// <summary>
/// An outcome with its comment and, where the step asks for them: the legal basis of a refusal, the
/// materials a correction notice lists, the materials as the window ticked them at acceptance, the fee
/// charged at certification and its receipt number.
/// </summary>
public sealed record CompleteTaskRequest(
    string Outcome, string? Comment, string? LegalBasis = null, IReadOnlyList<string>? MissingMaterials = null,
    IReadOnlyList<SuppliedMaterial>? Materials = null, decimal? Fee = null, string? FeeReceipt = null)
{
    internal StepDetails Details => new(LegalBasis, MissingMaterials, Materials, Fee, FeeReceipt);
}

public sealed record CompleteTaskResponse(
    TaskResponse Task, InstanceStatus CaseStatus, string? CaseResult, IReadOnlyList<TaskResponse> OpenedTasks);
