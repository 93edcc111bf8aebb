namespace Approval.Activities.Definitions;

/// <summary>The connections of a definition indexed for walking: outgoing by outcome, inbound counts, reachability.</summary>
public sealed class FlowGraph
{
    private static readonly IReadOnlyList<Connection> None = [];
    private readonly Dictionary<(string From, string Outcome), List<Connection>> _outgoing = [];
    private readonly Dictionary<string, List<string>> _successors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _predecessors = new(StringComparer.Ordinal);

    public FlowGraph(IEnumerable<Connection> connections)
    {
        foreach (var c in connections)
        {
            Add(_outgoing, (c.From, c.Outcome), c);
            Add(_successors, c.From, c.To);
            Add(_predecessors, c.To, c.From);
        }
    }

    public IReadOnlyList<Connection> Outgoing(string from, string outcome) =>
        _outgoing.TryGetValue((from, outcome), out var list) ? list : None;

    public IReadOnlyList<string> Successors(string activityId) =>
        _successors.TryGetValue(activityId, out var list) ? list : [];

    public IReadOnlyList<string> Predecessors(string activityId) =>
        _predecessors.TryGetValue(activityId, out var list) ? list : [];

    public int InboundCount(string activityId) => _predecessors.TryGetValue(activityId, out var list) ? list.Count : 0;

    /// <summary>Every activity reachable from <paramref name="start"/>, itself included.</summary>
    public HashSet<string> ReachableFrom(string start) => Walk(start, _successors);

    /// <summary>Every activity from which <paramref name="target"/> can be reached, itself included.</summary>
    public HashSet<string> ReachingTo(string target) => Walk(target, _predecessors);

    private static HashSet<string> Walk(string origin, Dictionary<string, List<string>> edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { origin };
        var pending = new Stack<string>([origin]);
        while (pending.TryPop(out var current))
        {
            if (!edges.TryGetValue(current, out var next))
            {
                continue;
            }

            foreach (var n in next.Where(seen.Add))
            {
                pending.Push(n);
            }
        }

        return seen;
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
