using Approval.Activities.Contract;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;

namespace Approval.Designer.Canvas;

/// <summary>
/// Layered layout, left to right: each step one column after the furthest step that leads into it
/// (connections that go back, like 退回, are left out of the count), steps in a column ordered by
/// where their predecessors are. Steps that cannot be reached from Start begin chains of their own
/// from the first column.
/// </summary>
public static class AutoLayout
{
    public const double ColumnWidth = 250;
    public const double RowGap = 40;
    public const double Margin = 40;

    public static Dictionary<string, Position> Arrange(WorkflowDefinition definition, ActivityRegistry registry)
    {
        var ids = definition.Activities.Select(a => a.Id).Distinct(StringComparer.Ordinal).ToList();
        var known = ids.ToHashSet(StringComparer.Ordinal);
        var successors = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var c in definition.Connections.Where(c => known.Contains(c.From) && known.Contains(c.To) && c.From != c.To))
        {
            successors[c.From].Add(c.To);
        }

        var start = definition.Activities.FirstOrDefault(a => registry.Find(a.Type)?.Purpose == ActivityPurpose.Start)?.Id ?? ids.FirstOrDefault();
        var forward = ForwardEdges(start, successors);
        var layer = Layers(ids, forward);
        var height = definition.Activities
            .GroupBy(a => a.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ActivityNodeWidget.EstimatedHeight(registry.Find(g.First().Type)), StringComparer.Ordinal);

        var predecessors = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (from, tos) in forward)
        {
            foreach (var to in tos)
            {
                predecessors[to].Add(from);
            }
        }

        var positions = new Dictionary<string, Position>(StringComparer.Ordinal);
        var rank = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        foreach (var column in layer.GroupBy(p => p.Value).OrderBy(g => g.Key))
        {
            var members = column.Select(p => p.Key)
                .OrderBy(id => predecessors[id].Where(rank.ContainsKey).Select(p => rank[p]).DefaultIfEmpty(double.MaxValue).Average())
                .ThenBy(id => order[id])
                .ToList();
            var y = Margin;
            for (var i = 0; i < members.Count; i++)
            {
                var id = members[i];
                rank[id] = i;
                positions[id] = new Position(Margin + column.Key * ColumnWidth, y);
                y += height[id] + RowGap;
            }
        }

        return positions;
    }

    // Depth-first from Start: an edge to a step still on the path is a back edge (a loop) and is dropped.
    private static Dictionary<string, List<string>> ForwardEdges(string? start, Dictionary<string, List<string>> successors)
    {
        var forward = successors.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        foreach (var root in (start is null ? [] : new[] { start }).Concat(successors.Keys))
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            var stack = new Stack<(string Id, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                var (id, next) = stack.Pop();
                if (next < successors[id].Count)
                {
                    stack.Push((id, next + 1));
                    var to = successors[id][next];
                    if (!state.TryGetValue(to, out var s))
                    {
                        forward[id].Add(to);
                        state[to] = 1;
                        stack.Push((to, 0));
                    }
                    else if (s == 2)
                    {
                        forward[id].Add(to);
                    }
                }
                else
                {
                    state[id] = 2;
                }
            }
        }

        return forward;
    }

    // Longest path from the sources over the forward edges (a DAG), in topological order.
    private static Dictionary<string, int> Layers(List<string> ids, Dictionary<string, List<string>> forward)
    {
        var indegree = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var to in forward.Values.SelectMany(t => t))
        {
            indegree[to]++;
        }

        var layer = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        var ready = new Queue<string>(ids.Where(id => indegree[id] == 0));
        while (ready.TryDequeue(out var id))
        {
            foreach (var to in forward[id])
            {
                layer[to] = Math.Max(layer[to], layer[id] + 1);
                if (--indegree[to] == 0)
                {
                    ready.Enqueue(to);
                }
            }
        }

        return layer;
    }
}
