namespace Approval.Activities.Contract;

/// <summary>
/// What an activity is to the platform beyond its own decision: the engine runs joins and starts
/// flows by it, and the case clocks start at the acceptance and stop at the decision. A new activity
/// that plays one of these parts says so in its <see cref="ActivityAttribute.Purpose"/> instead of
/// the engine knowing its type name.
/// </summary>
public enum ActivityPurpose
{
    /// <summary>Nothing the platform acts on: its outcome is all that matters.</summary>
    None,

    /// <summary>Where every flow begins; a flow has exactly one.</summary>
    Start,

    /// <summary>Where a flow finishes; every flow reaches one.</summary>
    End,

    /// <summary>Starts its outgoing branches in parallel (联合审批).</summary>
    Fork,

    /// <summary>Waits for every parallel branch that leads into it.</summary>
    Join,

    /// <summary>The window's acceptance (受理): the clocks start, or the correction notice is given.</summary>
    Acceptance,

    /// <summary>The decision (决定): grant or deny; the certificate's own limit starts.</summary>
    Decision,
}
