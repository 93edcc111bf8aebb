using System.Security.Claims;
using Approval.Activities.Definitions;

namespace Approval.Designer.Services;

/// <summary>
/// What the case viewer asks of the platform. The host applies the API's rule (a department its
/// cases, a window its own, an applicant their own applications, the supervision office every case;
/// an administrator every case's path, never the applicant's details); a case someone may not see
/// does not exist for them.
/// </summary>
public interface ICaseViews
{
    Task<IReadOnlyList<CaseListEntry>> RecentAsync(ClaimsPrincipal user, int take, CancellationToken ct = default);

    Task<CaseView?> GetAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct = default);

    /// <summary>The case with this 受理编号 among those the user may see, if any.</summary>
    Task<Guid?> FindAsync(ClaimsPrincipal user, string number, CancellationToken ct = default);

    /// <summary>
    /// An administrator tries the flow's published version out with case data of their choosing (试运行):
    /// the case the API's <c>POST /api/cases</c> starts for <c>{"definitionId","department","data"}</c>.
    /// </summary>
    Task<TryOutResult> TryOutAsync(ClaimsPrincipal user, string definitionId, string? department, string data, CancellationToken ct = default);
}

/// <summary>The case a try-out started, or why none was.</summary>
public sealed record TryOutResult(Guid? CaseId, string? Problem);

/// <summary>A case as the list shows it; <see cref="Trial"/> marks a trial case (试运行) started from a bare flow.</summary>
public sealed record CaseListEntry(
    Guid Id, string? ItemCode, string? ItemName, string DefinitionId, int DefinitionVersion, string Status, string? Result,
    DateTimeOffset ReceivedAt, bool Trial = false, string? Number = null);

/// <summary>A case with the version of the flow it runs, where it has been and where it waits.</summary>
public sealed record CaseView(
    Guid Id,
    string? ItemCode,
    string? ItemName,
    string Status,
    string? Result,
    string? Department,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? CompletedAt,
    WorkflowDefinition Definition,
    IReadOnlyList<CaseStep> History,
    IReadOnlyList<CaseWait> Waiting,
    CaseDeadlines Deadlines,
    string? Number = null,
    decimal? FeeCharged = null,
    string? FeeReceipt = null,
    IReadOnlyList<NoticeLink>? Notices = null);

/// <summary>A notice given on the case (受理通知书, 决定书, 证照 ...), with where the browser opens its PDF.</summary>
public sealed record NoticeLink(string Title, string Number, DateOnly IssuedOn, string Href);

/// <summary>One step the case took (its history).</summary>
public sealed record CaseStep(
    string ActivityId, string ActivityType, string? ActivityName, string Outcome, string? Actor, string? Comment, DateTimeOffset At);

/// <summary>A step the case waits at: an open task; the department by its code and, where the catalogue names it, its name.</summary>
public sealed record CaseWait(
    string ActivityId, string Name, string Role, string? Department, DateTimeOffset Since, DateOnly? DueOn, string? DepartmentName = null);

/// <summary>The case's clocks: the statutory and promised deadlines and what is still to come.</summary>
public sealed record CaseDeadlines(
    DateOnly ReceivedOn,
    DateOnly? AcceptedOn,
    int StatutoryLimit,
    int PromisedLimit,
    DateOnly? PromisedDeadline,
    DateOnly? StatutoryDeadline,
    int? WorkingDaysLeft,
    bool Paused,
    bool Provisional,
    DateOnly? CertificateDue,
    IReadOnlyList<CaseTimer> Timers);

public sealed record CaseTimer(string Kind, DateTimeOffset DueAt);
