namespace Approval.Engine.Deadlines;

/// <summary>
/// The daily supervision sweep (电子监察巡查): finds every case past a warning threshold whose
/// warning was never recorded (a lost timer, a node that was down) and records it.
/// </summary>
internal interface ISupervisionSweep
{
    /// <summary>Records what is missing; returns how many warnings it repaired.</summary>
    Task<int> RunAsync(CancellationToken ct);
}
