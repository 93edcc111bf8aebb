using Approval.Activities.Contract;

namespace Approval.Activities.Human;

/// <summary>決定: the department head grants or denies.</summary>
[Activity("Decide", "决定", "Decide", Category = ActivityCategories.Approval,
    Description = "部门负责人作出准予或不予许可的决定。")]
[Outcome(Decide.Grant, "准予")]
[Outcome(Decide.Deny, "不予许可")]
public sealed class Decide : HumanActivity
{
    public const string Grant = "Grant";
    public const string Deny = "Deny";

    public override string Role { get; set; } = Roles.DepartmentHead;
}
