using Approval.Activities.Contract;

namespace Approval.Activities.Flow;

[Activity("Start", "开始", "Start", Category = ActivityCategories.Flow, Purpose = ActivityPurpose.Start,
    Description = "流程从这里开始。每个流程恰有一个。")]
[Outcome(Outcomes.Done, "完成")]
public sealed class Start : IActivity
{
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(ActivityResult.Done(Outcomes.Done));
}
