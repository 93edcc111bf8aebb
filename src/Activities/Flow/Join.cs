using Approval.Activities.Contract;

namespace Approval.Activities.Flow;

[Activity("Join", "汇聚", "Join", Category = ActivityCategories.Flow, Purpose = ActivityPurpose.Join,
    Description = "等待所有连入的并行分支都到达后继续。")]
[Outcome(Outcomes.Done, "完成")]
public sealed class Join : IActivity
{
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(context.ArrivedConnections >= context.InboundConnections
            ? ActivityResult.Join(Outcomes.Done)
            : ActivityResult.Wait);
}
