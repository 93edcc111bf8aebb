using Approval.Activities.Contract;

namespace Approval.Activities.Human;

/// <summary>审核: the department handler examines the accepted application.</summary>
[Activity("Review", "审核", "Review", Category = ActivityCategories.Approval,
    Description = "部门经办人审查申请：通过、退回补充或驳回。")]
[Outcome(Review.Pass, "通过")]
[Outcome(Review.Return, "退回")]
[Outcome(Review.Reject, "驳回")]
public sealed class Review : HumanActivity
{
    public const string Pass = "Pass";
    public const string Return = "Return";
    public const string Reject = "Reject";

    public override string Role { get; set; } = Roles.DepartmentHandler;
}
