using System.Security.Claims;

namespace Approval.Designer.Services;

/// <summary>
/// What the department desk asks of the platform: the inbox (待办) and a task with its case, and the
/// things a handler or head does on it (complete the step, start or end a special procedure, ask for
/// or decide an extension). The host applies the API's rules, through the same use cases.
/// </summary>
public interface IDepartmentDesk
{
    Task<InboxView> InboxAsync(ClaimsPrincipal user, InboxFilter filter, CancellationToken ct = default);

    /// <summary>The task with its case, or null when it does not exist for the user.</summary>
    Task<TaskView?> TaskAsync(ClaimsPrincipal user, Guid taskId, CancellationToken ct = default);

    /// <summary>Completes the step; <paramref name="fee"/> is what was charged at certification (收费), with its receipt.</summary>
    Task<DeskAnswer> CompleteAsync(
        ClaimsPrincipal user, Guid taskId, string outcome, string? comment, string? legalBasis, decimal? fee = null, string? feeReceipt = null,
        CancellationToken ct = default);

    Task<DeskAnswer> StartSpecialProcedureAsync(
        ClaimsPrincipal user, Guid caseId, string kind, string? reason, int? expectedDays, CancellationToken ct = default);

    Task<DeskAnswer> EndSpecialProcedureAsync(ClaimsPrincipal user, Guid caseId, long pauseId, CancellationToken ct = default);

    Task<DeskAnswer> RequestExtensionAsync(ClaimsPrincipal user, Guid caseId, string? reason, CancellationToken ct = default);

    Task<DeskAnswer> DecideExtensionAsync(ClaimsPrincipal user, Guid caseId, bool approve, string? comment, CancellationToken ct = default);
}

/// <summary>The inbox's filters: the step (activity id), the warning level (None, Yellow, Red, Statutory), whose (all, mine, department, window).</summary>
public sealed record InboxFilter(string? Step = null, string? Level = null, string? Scope = null, int Skip = 0, int Take = 50);

public sealed record InboxView(IReadOnlyList<InboxRow> Rows, int Total, IReadOnlyList<string> Steps);

/// <summary>One task as the inbox lists it; <see cref="Kind"/> is Step, or Escalation for a red card's 督办 task.</summary>
public sealed record InboxRow(
    Guid TaskId, Guid CaseId, string? CaseNumber, string? ItemName, string? ApplicantName, string Step, string ActivityId, string Kind,
    DateTimeOffset ArrivedAt, DateTimeOffset? ReceivedAt, DateOnly? DueOn, int? StepDaysLeft, int? CaseDaysLeft, string Level);

/// <summary>
/// An outcome as a button: whether it needs a reason (退回, 驳回, 不予许可, 不予受理) and a legal basis (不予受理), and for
/// a certificate of a charged item the fee schedule (收费标准) the amount charged must keep.
/// </summary>
public sealed record OutcomeChoice(string Name, string Label, bool NeedsComment, bool NeedsLegalBasis, string? FeeSchedule = null);

/// <summary>A task and its case as the task page shows them.</summary>
public sealed record TaskView(
    Guid TaskId,
    Guid CaseId,
    string? CaseNumber,
    string? ItemName,
    string Step,
    string Kind,
    string Role,
    bool Open,
    IReadOnlyList<OutcomeChoice> Outcomes,
    string? CompletedBy,
    string? CompletedByName,
    DateTimeOffset? CompletedAt,
    string? Outcome,
    IReadOnlyList<KeyValuePair<string, string>> Applicant,
    IReadOnlyList<TaskMaterial> Materials,
    IReadOnlyList<string> CorrectionMaterials,
    IReadOnlyList<CaseStep> History,
    CaseDeadlines Deadlines,
    TaskClocks Clocks,
    bool MayMoveClocks,
    bool MayDecideExtension,
    decimal? FeeCharged = null,
    string? FeeReceipt = null,
    IReadOnlyList<NoticeLink>? Notices = null,
    bool MayComplete = true);

/// <summary>A material as handed in (originals, copies) and its scans, each with where the browser opens it.</summary>
public sealed record TaskMaterial(string Name, int Originals, int Copies, IReadOnlyList<TaskFile> Files);

public sealed record TaskFile(string FileName, string ContentType, long Size, string Href);

/// <summary>The clocks' state the desk acts on: an open special procedure, the extension.</summary>
public sealed record TaskClocks(
    long? OpenPauseId, string? OpenPauseKind, DateOnly? OpenPauseStart, string Extension, string? ExtensionReason, int ExtensionDays,
    IReadOnlyList<string> SpecialProcedures);

/// <summary>
/// How an action went: done; or refused, with the problems under their fields (in the platform's words) or a
/// sentence; or the task was already done by someone else (<see cref="DoneBy"/> at <see cref="DoneAt"/>).
/// </summary>
public sealed record DeskAnswer(bool Done, string? Problem = null, IReadOnlyDictionary<string, string>? Errors = null, string? DoneBy = null, DateTimeOffset? DoneAt = null)
{
    public static DeskAnswer Ok { get; } = new(true);
}
