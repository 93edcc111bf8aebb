using System.Diagnostics;

namespace Approval.TimerBench;

/// <summary>Per-request durations, recorded lock-free into a fixed array and summarised at the end.</summary>
internal sealed class Latencies(int capacity)
{
    private readonly double[] _milliseconds = new double[capacity];
    private int _count;

    public int Count => Math.Min(Volatile.Read(ref _count), _milliseconds.Length);

    public void Add(long startTimestamp)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        if (index < _milliseconds.Length)
        {
            _milliseconds[index] = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        }
    }

    public (double P50, double P95, double P99, double Max) Percentiles()
    {
        var sorted = _milliseconds[..Count];
        Array.Sort(sorted);
        return sorted.Length == 0 ? default : (At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted[^1]);
    }

    // Nearest-rank percentile.
    private static double At(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
