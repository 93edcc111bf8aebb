using Approval.Engine.Deadlines;

namespace Approval.Engine.Notices;

/// <summary>
/// What the issuing step knew and the case does not keep as it was then: the reasons given (the
/// task's comment), the legal basis, the materials to correct, the special procedure, the deadlines an
/// extension moved to, the fee charged. Kept as JSON on the notice (<see cref="CaseNotice.Facts"/>).
/// </summary>
public sealed record NoticeFacts
{
    public string? Reasons { get; init; }

    public string? LegalBasis { get; init; }

    public IReadOnlyList<string>? Materials { get; init; }

    public SpecialProcedure? Procedure { get; init; }

    public DateOnly? ProcedureStart { get; init; }

    public int? ExpectedDays { get; init; }

    public int? ExtensionDays { get; init; }

    public DateOnly? PromisedDeadline { get; init; }

    public DateOnly? StatutoryDeadline { get; init; }

    public decimal? Fee { get; init; }

    public string? FeeReceipt { get; init; }
}
