namespace Approval.Activities.Contract;

/// <summary>
/// One kind of step in a flow. An activity holds no engine state: it reads its configured
/// properties and the <see cref="ActivityContext"/>, and returns what the engine should do.
/// </summary>
public interface IActivity
{
    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);
}
