using Approval.Activities.Contract;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;

namespace Approval.Engine.Definitions;

/// <summary>A published definition made ready to run: nodes bound to activities, the graph indexed.</summary>
internal sealed class CompiledDefinition
{
    private readonly Dictionary<string, HashSet<string>> _forkRegions = new(StringComparer.Ordinal);

    public CompiledDefinition(WorkflowDefinition definition, ActivityRegistry registry)
    {
        Definition = definition;
        Graph = new FlowGraph(definition.Connections);
        Nodes = definition.Activities.ToDictionary(
            a => a.Id,
            a =>
            {
                var descriptor = registry.Find(a.Type) ?? throw new ArgumentException($"Unknown activity type '{a.Type}'.");
                return new FlowNode(a, descriptor, ActivityRegistry.Create(descriptor, a.Properties));
            },
            StringComparer.Ordinal);
        StartId = Nodes.Values.Single(n => n.Descriptor.Purpose == ActivityPurpose.Start).Node.Id;
        foreach (var fork in Nodes.Values.Where(n => n.Descriptor.Purpose == ActivityPurpose.Fork))
        {
            _forkRegions[fork.Node.Id] = Region(fork.Node.Id);
        }
    }

    public WorkflowDefinition Definition { get; }

    public FlowGraph Graph { get; }

    public IReadOnlyDictionary<string, FlowNode> Nodes { get; }

    public string StartId { get; }

    public bool HasJoins => Nodes.Values.Any(n => n.Descriptor.Purpose == ActivityPurpose.Join);

    /// <summary>Whether <paramref name="activityId"/> lies between the Fork and its Join (the Join included).</summary>
    public bool IsInsideFork(string forkId, string activityId) => _forkRegions[forkId].Contains(activityId);

    // The branches of a Fork: what lies on a path from the Fork to its matching Join (found by
    // counting nested Fork/Join pairs). A Return that leads back before the Fork is outside.
    // A Fork without a Join keeps whatever its branches reach that does not lead back to it.
    private HashSet<string> Region(string forkId)
    {
        var forward = new HashSet<string>(StringComparer.Ordinal);
        var joins = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<(string, int)>();
        var pending = new Stack<(string Id, int Depth)>(Graph.Successors(forkId).Select(s => (s, 1)));
        while (pending.TryPop(out var item))
        {
            if (item.Id == forkId || item.Depth > 32 || !seen.Add(item))
            {
                continue;
            }

            forward.Add(item.Id);
            var depth = Nodes[item.Id].Descriptor.Purpose switch
            {
                ActivityPurpose.Join => item.Depth - 1,
                ActivityPurpose.Fork => item.Depth + 1,
                _ => item.Depth,
            };
            if (depth == 0)
            {
                joins.Add(item.Id);
                continue;
            }

            foreach (var next in Graph.Successors(item.Id))
            {
                pending.Push((next, depth));
            }
        }

        if (joins.Count == 0)
        {
            forward.ExceptWith(Graph.ReachingTo(forkId));
            return forward;
        }

        var backward = new HashSet<string>(joins, StringComparer.Ordinal);
        var back = new Stack<string>(joins);
        while (back.TryPop(out var id))
        {
            foreach (var previous in Graph.Predecessors(id).Where(p => p != forkId && backward.Add(p)))
            {
                back.Push(previous);
            }
        }

        forward.IntersectWith(backward);
        return forward;
    }
}

internal sealed record FlowNode(ActivityNode Node, ActivityDescriptor Descriptor, IActivity Activity)
{
    public string Id => Node.Id;

    public string DisplayName => Node.Name ?? Descriptor.DisplayName;
}
