using Approval.Activities.Definitions;
using Approval.Activities.Validation;

namespace Approval.Designer.Canvas;

/// <summary>What the canvas shows about the flow: the validator's errors, a case's path, the view and the layout.</summary>
public sealed partial class FlowDiagram
{
    /// <summary>Marks each step and connection with the errors that concern it; returns those that concern neither.</summary>
    public IReadOnlyList<ValidationError> ShowErrors(IReadOnlyList<ValidationError> errors)
    {
        var links = ConnectionLinks();
        var general = new List<ValidationError>();
        var byNode = new Dictionary<ActivityNodeModel, List<ValidationError>>();
        var byLink = new Dictionary<ConnectionLinkModel, List<ValidationError>>();
        var nodesById = Nodes.GroupBy(n => n.ActivityId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var error in errors)
        {
            if (error.ConnectionIndex is { } index && index >= 0 && index < links.Count)
            {
                Add(byLink, links[index].Link, error);
            }
            else if (error.ActivityId is { } id && nodesById.TryGetValue(id, out var node))
            {
                Add(byNode, node, error);
            }
            else
            {
                general.Add(error);
            }
        }

        foreach (var node in Nodes)
        {
            var now = byNode.TryGetValue(node, out var list) ? list : (IReadOnlyList<ValidationError>)[];
            if (!SameErrors(node.Errors, now))
            {
                node.Errors = now;
                node.Refresh();
            }
        }

        foreach (var link in Links)
        {
            var now = byLink.TryGetValue(link, out var list) ? list : (IReadOnlyList<ValidationError>)[];
            if (!SameErrors(link.Errors, now))
            {
                link.Errors = now;
                link.Color = now.Count > 0 ? "#d32f2f" : null;
                link.Width = now.Count > 0 ? 3 : 2;
                link.Refresh();
            }
        }

        return general;
    }

    /// <summary>Case viewer: the steps passed, the steps waiting, and the connections followed.</summary>
    public void ShowPath(IEnumerable<(string ActivityId, string Outcome)> steps, IEnumerable<string> waiting)
    {
        var passed = steps.ToList();
        var visited = passed.Select(s => s.ActivityId).ToHashSet(StringComparer.Ordinal);
        var waits = waiting.ToHashSet(StringComparer.Ordinal);
        var followed = passed.Select(s => (s.ActivityId, s.Outcome)).ToHashSet();
        foreach (var node in Nodes)
        {
            node.Visited = visited.Contains(node.ActivityId);
            node.Waiting = waits.Contains(node.ActivityId);
            node.Refresh();
        }

        foreach (var (link, connection) in ConnectionLinks())
        {
            link.Taken = followed.Contains((connection.From, connection.Outcome));
            link.Color = link.Taken ? "#2e7d32" : "#b0bec5";
            link.Width = link.Taken ? 3 : 2;
            link.Refresh();
        }
    }

    /// <summary>
    /// Pans and zooms so that every step is in view, zooming out no further than <paramref name="minimumZoom"/>
    /// (a big flow then opens at its start, readable, rather than as a stamp).
    /// </summary>
    public void Fit(double margin = 40, double? minimumZoom = null)
    {
        if (Diagram.Container is null || !Nodes.Any())
        {
            return;
        }

        var nodes = Nodes.ToList();
        var left = nodes.Min(n => n.Position.X);
        var top = nodes.Min(n => n.Position.Y);
        var right = nodes.Max(n => n.Position.X + (n.Size?.Width ?? ActivityNodeWidget.Width));
        var bottom = nodes.Max(n => n.Position.Y + (n.Size?.Height ?? ActivityNodeWidget.EstimatedHeight(n)));
        var width = Math.Max(1, Diagram.Container.Width - 2 * margin);
        var height = Math.Max(1, Diagram.Container.Height - 2 * margin);
        var zoom = Math.Clamp(Math.Min(width / (right - left), height / (bottom - top)), minimumZoom ?? Diagram.Options.Zoom.Minimum, 1.0);
        Diagram.SetZoom(zoom);
        Diagram.SetPan(margin - left * zoom, margin - top * zoom);
    }

    /// <summary>Moves every step to the place automatic layout gives it.</summary>
    public void Arrange(WorkflowDefinition header)
    {
        var positions = AutoLayout.Arrange(ToDefinition(header), _registry);
        _loading = true;
        try
        {
            foreach (var node in Nodes)
            {
                if (positions.TryGetValue(node.ActivityId, out var p))
                {
                    node.SetPosition(p.X, p.Y);
                }
            }
        }
        finally
        {
            _loading = false;
        }

        RaiseChanged();
    }

    private static void Add<TKey>(Dictionary<TKey, List<ValidationError>> map, TKey key, ValidationError error)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(error);
    }

    private static bool SameErrors(IReadOnlyList<ValidationError> a, IReadOnlyList<ValidationError> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First == p.Second);
}
