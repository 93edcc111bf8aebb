namespace Approval.Engine.Runtime;

/// <summary>
/// What a person gives with an outcome beyond its comment, for the step's legal record: the legal
/// basis of a refusal (法律依据), the materials a correction notice asks for (补正材料), the materials
/// handed in as the window ticked them at acceptance, and the fee charged at certification with its
/// receipt. The runtime carries it to the observers (<see cref="CompletedStep.Details"/>); the case keeps it.
/// </summary>
public sealed record StepDetails(
    string? LegalBasis = null, IReadOnlyList<string>? MissingMaterials = null, IReadOnlyList<SuppliedMaterial>? Materials = null,
    decimal? Fee = null, string? FeeReceipt = null)
{
    public static StepDetails None { get; } = new();
}

/// <summary>A material the applicant handed in, against the item's one-time notification list.</summary>
public sealed record SuppliedMaterial(string Name, int Originals = 1, int Copies = 0);
