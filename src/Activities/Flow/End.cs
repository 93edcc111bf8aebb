using Approval.Activities.Contract;

namespace Approval.Activities.Flow;

[Activity("End", "结束", "End", Category = ActivityCategories.Flow, Purpose = ActivityPurpose.End,
    Description = "流程在这里结束，所有未办结的任务随之关闭。")]
public sealed class End : IActivity
{
    /// <summary>How the case ended, shown to the applicant and counted in the statistics.</summary>
    [ActivityInput("办结结果", "Result", Kind = PropertyKind.Choice,
        Options = [EndResults.Approved, EndResults.Denied, EndResults.Refused, EndResults.Rejected, EndResults.Completed],
        Description = "办件的结果：准予、不予许可、不予受理、驳回或办结。")]
    public string Result { get; set; } = EndResults.Completed;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(ActivityResult.End(Result));
}

/// <summary>The results an End activity records.</summary>
public static class EndResults
{
    public const string Approved = "Approved";
    public const string Denied = "Denied";
    public const string Refused = "Refused";
    public const string Rejected = "Rejected";
    public const string Completed = "Completed";
}
