using Approval.Activities.Contract;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Validation;
using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Options;

namespace Approval.Designer.Canvas;

/// <summary>
/// A flow definition on a Blazor.Diagrams canvas: builds the nodes and links from a definition,
/// reads the definition back, and marks what the validator (or a case) says about them.
/// </summary>
public sealed partial class FlowDiagram
{
    private readonly ActivityRegistry _registry;
    private bool _loading;
    private bool _building;

    public FlowDiagram(ActivityRegistry registry, bool readOnly)
    {
        _registry = registry;
        ReadOnly = readOnly;
        var options = new BlazorDiagramOptions
        {
            AllowMultiSelection = true,
            GridSize = readOnly ? null : 10,
        };
        // Only what is in view is drawn: a 150-step flow opens as fast as a small one, the rest is drawn when panned to.
        options.Virtualization.Enabled = true;
        options.Virtualization.OnNodes = true;
        options.Virtualization.OnLinks = true;
        options.Zoom.Enabled = true;
        options.Zoom.Minimum = 0.1;
        options.Zoom.Maximum = 2;
        options.Links.DefaultColor = "#78909c";
        options.Links.DefaultSelectedColor = "#1565c0";
        options.Links.DefaultPathGenerator = new SmoothPathGenerator();
        options.Links.RequireTarget = true;
        options.Links.EnableSnapping = false;
        options.Links.Factory = (_, source, target) =>
            !ReadOnly && source is OutcomePortModel port ? new ConnectionLinkModel(new SinglePortAnchor(port), target) : null!;
        options.Links.TargetAnchorFactory = (_, _, model) => model switch
        {
            ActivityNodeModel node => new SinglePortAnchor(node.Input),
            PortModel port => new SinglePortAnchor(port),
            NodeModel node => new ShapeIntersectionAnchor(node),
            _ => throw new ArgumentOutOfRangeException(nameof(model)),
        };
        options.Constraints.ShouldDeleteNode = _ => ValueTask.FromResult(!ReadOnly);
        options.Constraints.ShouldDeleteLink = _ => ValueTask.FromResult(!ReadOnly);

        Diagram = new BlazorDiagram(options);
        Diagram.RegisterComponent<ActivityNodeModel, ActivityNodeWidget>();
        Diagram.Links.Added += OnLinkAdded;
        Diagram.Links.Removed += link =>
        {
            RefreshEnds(link);

            // A step's removal takes its connections first and then announces itself: one change, not several.
            if (link.IsAttached && link.Source.Model is PortModel { Parent: var from } && link.Target.Model is PortModel { Parent: var to }
                && Diagram.Nodes.Contains(from) && Diagram.Nodes.Contains(to))
            {
                RaiseChanged();
            }
        };
        Diagram.Nodes.Added += node =>
        {
            node.Moved += _ => RaiseChanged();
            RaiseChanged();
        };
        Diagram.Nodes.Removed += _ => RaiseChanged();
    }

    public BlazorDiagram Diagram { get; }

    public bool ReadOnly { get; }

    /// <summary>The steps or connections changed through the canvas (added, removed, moved, connected).</summary>
    public event Action? Changed;

    public IEnumerable<ActivityNodeModel> Nodes => Diagram.Nodes.OfType<ActivityNodeModel>();

    public IEnumerable<ConnectionLinkModel> Links => Diagram.Links.OfType<ConnectionLinkModel>();

    public ActivityNodeModel? Find(string activityId) => Nodes.FirstOrDefault(n => n.ActivityId == activityId);

    /// <summary>Replaces the canvas with <paramref name="definition"/>; activities without a position are laid out.</summary>
    public void Load(WorkflowDefinition definition)
    {
        _loading = true;
        _building = true;
        try
        {
            var positions = definition.Activities.Any(a => a.Position is null)
                ? AutoLayout.Arrange(definition, _registry)
                : null;
            Diagram.Batch(() =>
            {
                Diagram.Links.Clear();
                Diagram.Nodes.Clear();
                var nodes = new List<ActivityNodeModel>(definition.Activities.Count);
                foreach (var activity in definition.Activities)
                {
                    var descriptor = _registry.Find(activity.Type);
                    if (descriptor is null)
                    {
                        continue; // the validator reports the unknown type; the canvas cannot draw it
                    }

                    var at = activity.Position ?? positions![activity.Id];
                    nodes.Add(new ActivityNodeModel(activity, descriptor, new Point(at.X, at.Y)) { Locked = ReadOnly });
                }

                Diagram.Nodes.Add(nodes);
                var byId = nodes.GroupBy(n => n.ActivityId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                var links = new List<ConnectionLinkModel>(definition.Connections.Count);
                foreach (var c in definition.Connections)
                {
                    if (byId.TryGetValue(c.From, out var from) && byId.TryGetValue(c.To, out var to) && from.Outcome(c.Outcome) is { } port)
                    {
                        links.Add(new ConnectionLinkModel(port, to.Input) { Locked = ReadOnly });
                    }
                }

                Diagram.Links.Add(links);
            });
        }
        finally
        {
            _loading = false;
            _building = false;
        }
    }

    /// <summary>The definition drawn, in the JSON model; connections in the order <see cref="ConnectionLinks"/> gives.</summary>
    public WorkflowDefinition ToDefinition(WorkflowDefinition header)
    {
        var links = ConnectionLinks();
        return header with
        {
            Activities = [.. Nodes.Select(n => n.ToNode())],
            Connections = [.. links.Select(l => l.Connection)],
        };
    }

    /// <summary>Every attached link with the connection it stands for.</summary>
    public List<(ConnectionLinkModel Link, Connection Connection)> ConnectionLinks()
    {
        var list = new List<(ConnectionLinkModel, Connection)>();
        foreach (var link in Links)
        {
            if (link.Source is SinglePortAnchor { Port: OutcomePortModel from } && link.Target is SinglePortAnchor { Port: InputPortModel to })
            {
                list.Add((link, new Connection(from.Node.ActivityId, from.Outcome.Name, to.Node.ActivityId)));
            }
        }

        return list;
    }

    public ActivityNodeModel AddActivity(ActivityDescriptor descriptor, Point position)
    {
        var node = new ActivityNodeModel(
            new ActivityNode { Id = NewId(descriptor.Type), Type = descriptor.Type }, descriptor, position);
        Diagram.Nodes.Add(node);
        Diagram.UnselectAll();
        Diagram.SelectModel(node, unselectOthers: true);
        return node;
    }

    public void Connect(ActivityNodeModel from, string outcome, ActivityNodeModel to)
    {
        if (from.Outcome(outcome) is { } port)
        {
            Diagram.Links.Add(new ConnectionLinkModel(port, to.Input));
        }
    }

    /// <summary>A new step id from its type: review, review-2, review-3 ...</summary>
    public string NewId(string type)
    {
        var stem = string.Concat(type.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
        var taken = Nodes.Select(n => n.ActivityId).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(stem))
        {
            return stem;
        }

        for (var i = 2; ; i++)
        {
            if (!taken.Contains($"{stem}-{i}"))
            {
                return $"{stem}-{i}";
            }
        }
    }

    private void OnLinkAdded(BaseLinkModel link)
    {
        if (link is not ConnectionLinkModel connection)
        {
            return;
        }

        if (connection.IsAttached)
        {
            RefreshEnds(connection);
            RaiseChanged();
        }

        connection.TargetAttached += _ => Rewire(connection);
    }

    // An outcome leads to one step (only a Fork's branches are many): a new connection from an
    // outcome replaces the one it had, so re-routing Review's Pass is one drag, not a drag and a delete.
    private void Rewire(ConnectionLinkModel connection)
    {
        if (connection.Source is SinglePortAnchor { Port: OutcomePortModel port } && port.Node.Descriptor.Purpose != ActivityPurpose.Fork)
        {
            var replaced = port.Links.Where(l => !ReferenceEquals(l, connection)).ToList();
            _loading = true;
            try
            {
                Diagram.Links.Remove(replaced);
            }
            finally
            {
                _loading = false;
            }
        }

        RefreshEnds(connection);
        RaiseChanged();
    }

    // The steps draw their ports (connected or not), so a connection added or removed redraws both ends.
    private void RefreshEnds(BaseLinkModel link)
    {
        if (_building)
        {
            return;
        }

        (link.Source.Model as PortModel)?.Parent.Refresh();
        (link.Target.Model as PortModel)?.Parent.Refresh();
    }

    private void RaiseChanged()
    {
        if (!_loading)
        {
            Changed?.Invoke();
        }
    }
}
