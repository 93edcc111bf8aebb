namespace Approval.YearOfCases;

/// <summary>The platform's clock while a year of cases is simulated: it stands still until moved, and only forward.</summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void MoveTo(DateTimeOffset instant)
    {
        if (instant.UtcTicks < Interlocked.Read(ref _ticks))
        {
            throw new InvalidOperationException($"The simulated clock does not go back ({instant:O}).");
        }

        Interlocked.Exchange(ref _ticks, instant.UtcTicks);
    }
}
