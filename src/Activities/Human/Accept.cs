using Approval.Activities.Contract;

namespace Approval.Activities.Human;

/// <summary>受理: the window checks the materials against the one-time notification list.</summary>
[Activity(Accept.TypeName, "受理", "Accept", Category = ActivityCategories.Approval, Purpose = ActivityPurpose.Acceptance,
    Description = "窗口对照一次性告知清单核对材料：予以受理、要求补正或不予受理。")]
[Outcome(Accept.Accepted, "予以受理")]
[Outcome(Accept.NeedsCorrection, "需补正")]
[Outcome(Accept.Refused, "不予受理")]
public sealed class Accept : HumanActivity
{
    /// <summary>Its <c>type</c> in definitions, and the type stored on its tasks.</summary>
    public const string TypeName = "Accept";

    public const string Accepted = "Accepted";
    public const string NeedsCorrection = "NeedsCorrection";
    public const string Refused = "Refused";

    public override string Role { get; set; } = Roles.WindowStaff;
}
