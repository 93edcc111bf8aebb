using System.Security.Claims;

namespace Approval.Designer.Services;

/// <summary>
/// What the window desk (窗口受理台) asks of the platform. Every rule is the engine's: which items the
/// clerk's window serves, the applicant's details, the outcomes of acceptance, the on-the-spot decision
/// and the fee; a refusal comes back with its problems at the fields they concern.
/// </summary>
public interface IWindowDesk
{
    /// <summary>The largest scan a material may have, as the materials API allows.</summary>
    long MaxScanBytes { get; }

    /// <summary>The items in force the clerk's current window may accept, found by name, code or department.</summary>
    Task<IReadOnlyList<DeskItem>> ItemsAsync(ClaimsPrincipal user, string? search, CancellationToken ct = default);

    /// <summary>Files the application (收件); its accept step then waits for the clerk.</summary>
    Task<DeskFiling> FileAsync(ClaimsPrincipal user, DeskApplication application, CancellationToken ct = default);

    /// <summary>Hands in a scan for one of the case's materials.</summary>
    Task<DeskProblems?> UploadAsync(ClaimsPrincipal user, Guid caseId, DeskScan scan, CancellationToken ct = default);

    /// <summary>Completes a window step: the acceptance, the on-the-spot decision or the certificate.</summary>
    Task<DeskStepResult> CompleteAsync(ClaimsPrincipal user, Guid taskId, DeskCompletion completion, CancellationToken ct = default);

    /// <summary>The applications the clerk filed today (China time), newest first.</summary>
    Task<IReadOnlyList<DeskCase>> TodayAsync(ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>The notices given on a case so far (受理通知书, 一次性补正告知书 ...), to print on the spot.</summary>
    Task<IReadOnlyList<NoticeLink>> NoticesAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct = default);

    /// <summary>Logs a consultation (咨询) answered at the window.</summary>
    Task<DeskProblems?> ConsultAsync(ClaimsPrincipal user, string? question, string? itemCode, CancellationToken ct = default);
}

/// <summary>An item as the desk shows it, with its one-time notification (一次性告知).</summary>
public sealed record DeskItem(
    string Code,
    string Name,
    string Department,
    string DepartmentName,
    bool Instant,
    int StatutoryLimit,
    int PromisedLimit,
    string LegalBasis,
    IReadOnlyList<DeskMaterial> Materials,
    DeskFee Fee,
    bool MayDecideOnTheSpot);

public sealed record DeskMaterial(string Name, string? Issuer, int Originals, int Copies, bool Required);

public sealed record DeskFee(bool Charged, string? Standard, string? Basis);

/// <summary>The applicant as typed: a person (<see cref="Organisation"/> false) by ID number, an organisation by credit code and contact.</summary>
public sealed record DeskApplicant(bool Organisation, string? Name, string? IdNumber, string? CreditCode, string? Contact, string? Phone);

/// <summary>A material handed in at the counter, with the originals and copies received.</summary>
public sealed record DeskSupplied(string Name, int Originals, int Copies);

public sealed record DeskApplication(string ItemCode, DeskApplicant Applicant, IReadOnlyList<DeskSupplied> Materials);

/// <summary>A scan chosen for a material: the file's name, declared type and bytes.</summary>
public sealed record DeskScan(string Material, string FileName, string? DeclaredType, byte[] Content);

/// <summary>
/// Why the engine refused: problems at fields (<c>applicant.idNumber</c>, <c>comment</c>, <c>legalBasis</c>,
/// <c>missingMaterials</c>, <c>fee</c>, <c>feeReceipt</c>, <c>question</c> ...) and, for anything else, a message.
/// </summary>
public sealed record DeskProblems(IReadOnlyDictionary<string, string> Fields, string? Message = null)
{
    public string? At(string field) => Fields.GetValueOrDefault(field);
}

/// <summary>The filed application (its 受理编号 and 查询码, the accept step waiting), or why it was not filed.</summary>
public sealed record DeskFiling(Guid? CaseId, string? Number, string? QueryCode, Guid? AcceptTaskId, DeskProblems? Problems = null);

/// <summary>An outcome with what the step asks: the reason (comment), legal basis, missing materials, materials received, fee and receipt.</summary>
public sealed record DeskCompletion(
    string Outcome,
    string? Comment = null,
    string? LegalBasis = null,
    IReadOnlyList<string>? MissingMaterials = null,
    IReadOnlyList<DeskSupplied>? Materials = null,
    decimal? Fee = null,
    string? FeeReceipt = null);

/// <summary>A step completed: where the case stands and the steps it opened; or why not (<see cref="Problems"/>).</summary>
public sealed record DeskStepResult(string? CaseStatus, string? CaseResult, IReadOnlyList<DeskTask> Opened, DeskProblems? Problems = null);

/// <summary>An open task; <see cref="ActivityType"/> is the step's type (Decide, Certify ...).</summary>
public sealed record DeskTask(Guid Id, string ActivityType, string Name, string Role);

/// <summary>One of the clerk's applications of today.</summary>
public sealed record DeskCase(Guid Id, string? Number, string? ItemName, string? ApplicantName, string Status, string? Result, DateTimeOffset ReceivedAt);
