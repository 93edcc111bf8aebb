using Approval.Activities.Contract;

namespace Approval.Activities.Flow;

[Activity("Fork", "并行分支", "Fork", Category = ActivityCategories.Flow, Purpose = ActivityPurpose.Fork,
    Description = "同时启动每条连出的分支（联合审批）。分支在汇聚处合并；某分支退回到分支之前的步骤时，其余分支的任务随之关闭。")]
[Outcome(Outcomes.Done, "分支")]
public sealed class Fork : IActivity
{
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(ActivityResult.Fork(Outcomes.Done));
}
