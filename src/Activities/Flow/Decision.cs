using Approval.Activities.Conditions;
using Approval.Activities.Contract;

namespace Approval.Activities.Flow;

[Activity("Decision", "条件判断", "Decision", Category = ActivityCategories.Flow,
    Description = "按办件数据计算条件，为真走“是”，否则走“否”。条件在沙箱中计算，不能调用任何程序代码。")]
[Outcome(Outcomes.True, "是")]
[Outcome(Outcomes.False, "否")]
public sealed class Decision : IActivity
{
    /// <summary>A condition over the case data, e.g. <c>[investment] &gt;= 1000000 and [major]</c>.</summary>
    [ActivityInput("条件", "Condition", Kind = PropertyKind.Condition, Required = true,
        Description = "以方括号引用办件数据，如 [amount] > 100 and [applicant.type] = '企业'。")]
    public string Condition { get; set; } = "";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(ActivityResult.Done(CaseCondition.Evaluate(Condition, context.Variables) ? Outcomes.True : Outcomes.False));
}
