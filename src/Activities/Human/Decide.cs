using Approval.Activities.Contract;

namespace Approval.Activities.Human;

/// <summary>决定: the department head grants or denies.</summary>
[Activity(Decide.TypeName, "决定", "Decide", Category = ActivityCategories.Approval, Purpose = ActivityPurpose.Decision,
    Description = "部门负责人作出准予或不予许可的决定。")]
[Outcome(Decide.Grant, "准予")]
[Outcome(Decide.Deny, "不予许可")]
public sealed class Decide : HumanActivity
{
    /// <summary>Its <c>type</c> in definitions, and the type stored on its tasks.</summary>
    public const string TypeName = "Decide";

    public const string Grant = "Grant";
    public const string Deny = "Deny";

    public override string Role { get; set; } = Roles.DepartmentHead;
}
