using Approval.Engine.Cases;

namespace Approval.Engine.Deadlines;

/// <summary>
/// What happens when a deadline timer comes due: the supervision office's warning (预警), its
/// notifications and escalation. The one way from the deadlines to the supervision, which
/// implements it; the deadlines decide when, the supervision what.
/// </summary>
internal interface IDeadlineAlarms
{
    /// <summary>Raises the timer's alarm once, however often it comes due; false when it was raised before.</summary>
    Task<bool> RaiseAsync(Case @case, PlannedTimer timer, bool repaired, CancellationToken ct);

    /// <summary>The keys (<see cref="PlannedTimer.Key"/>) of the alarms already raised for these cases.</summary>
    Task<HashSet<string>> RaisedAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct);
}
