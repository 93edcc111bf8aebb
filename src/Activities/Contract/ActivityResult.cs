namespace Approval.Activities.Contract;

/// <summary>What an activity decided: go on by an outcome, wait for someone, or end the flow.</summary>
public abstract record ActivityResult
{
    /// <summary>Go on along the connections of <paramref name="outcome"/>.</summary>
    /// <param name="outcome">The outcome chosen.</param>
    /// <param name="note">Why it was chosen, kept in the instance's history.</param>
    public static ActivityResult Done(string outcome, string? note = null) => new Completed(outcome, note);

    /// <summary>Go on along every connection of <paramref name="outcome"/>, each as a parallel branch.</summary>
    public static ActivityResult Fork(string outcome) => new Forked(outcome);

    /// <summary>All parallel branches have arrived: close them and go on as one.</summary>
    public static ActivityResult Join(string outcome) => new Joined(outcome);

    /// <summary>Open a task for a person and wait until it is completed with one of the outcomes.</summary>
    /// <param name="role">Who may complete the task.</param>
    /// <param name="department">Their department, when the task is a department's.</param>
    /// <param name="limitDays">The step's own time limit in working days, if it has one.</param>
    public static ActivityResult WaitForTask(string role, string? department, int? limitDays = null) =>
        new WaitingForTask(role, department, limitDays);

    /// <summary>Keep the arriving branch and wait for the others.</summary>
    public static ActivityResult Wait { get; } = new Waiting();

    /// <summary>Escalate to someone; this branch stops here, the rest of the flow goes on.</summary>
    public static ActivityResult Escalate(string to, string? role, string severity) => new Escalated(to, role, severity);

    /// <summary>The flow is finished; every open task is closed.</summary>
    public static ActivityResult End(string? result) => new Ended(result);

    public sealed record Completed(string Outcome, string? Note = null) : ActivityResult;

    public sealed record Forked(string Outcome) : ActivityResult;

    public sealed record Joined(string Outcome) : ActivityResult;

    public sealed record WaitingForTask(string Role, string? Department, int? LimitDays = null) : ActivityResult;

    public sealed record Waiting : ActivityResult;

    public sealed record Ended(string? Result) : ActivityResult;

    public sealed record Escalated(string To, string? Role, string Severity) : ActivityResult;
}
