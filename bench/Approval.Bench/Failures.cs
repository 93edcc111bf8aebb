using System.Collections.Concurrent;

namespace Approval.Bench;

/// <summary>Every request that did not answer 2xx, and every case that did not end as expected.</summary>
internal sealed class Failures
{
    private const int Kept = 20;
    private readonly ConcurrentQueue<string> _first = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IEnumerable<string> First => _first;

    public void Add(string description)
    {
        if (Interlocked.Increment(ref _count) <= Kept)
        {
            _first.Enqueue(description);
        }
    }
}
