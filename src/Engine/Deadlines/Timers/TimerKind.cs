namespace Approval.Engine.Deadlines;

/// <summary>What a timer watches.</summary>
public enum TimerKind
{
    CorrectionNotice,
    Yellow,
    Red,
    StatutoryBreach,
    StepWarning,
    StepOverdue,

    /// <summary>An Escalate activity of the flow, e.g. on a step's Overdue signal.</summary>
    Escalation,
}
