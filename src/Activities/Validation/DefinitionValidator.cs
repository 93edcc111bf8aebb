using System.Text.RegularExpressions;
using Approval.Activities.Contract;
using Approval.Activities.Definitions;
using Approval.Activities.Flow;
using Approval.Activities.Registry;

namespace Approval.Activities.Validation;

/// <summary>Finds every error in a definition, each with its location; an empty list means it can run.</summary>
public static partial class DefinitionValidator
{
    public const int MaxActivities = 500;
    public const int MaxConnections = 2000;

    public static IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition, ActivityRegistry registry)
    {
        var errors = new List<ValidationError>();
        CheckHeader(definition, errors);
        if (definition.Activities.Count > MaxActivities || definition.Connections.Count > MaxConnections)
        {
            errors.Add(new("too-large",
                $"A flow may have at most {MaxActivities} activities and {MaxConnections} connections.", ""));
            return errors;
        }

        var nodes = CheckActivities(definition, registry, errors);
        CheckConnections(definition, nodes, errors);
        CheckGraph(definition, nodes, errors);
        return errors;
    }

    private static void CheckHeader(WorkflowDefinition definition, List<ValidationError> errors)
    {
        if (definition.DefinitionId is null || !DefinitionIdPattern().IsMatch(definition.DefinitionId))
        {
            errors.Add(new("invalid-definition-id",
                "definitionId must be 1 to 100 lower-case letters, digits, '-', '_' or '.', starting with a letter or digit.",
                "/definitionId"));
        }

        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Length > 200)
        {
            errors.Add(new("invalid-name", "name is required and at most 200 characters.", "/name"));
        }

        if (definition.Version < 1)
        {
            errors.Add(new("invalid-version", "version must be 1 or more.", "/version"));
        }
    }

    /// <summary>The first node of each id whose type is known, with its index.</summary>
    private static Dictionary<string, (int Index, ActivityDescriptor? Descriptor)> CheckActivities(
        WorkflowDefinition definition, ActivityRegistry registry, List<ValidationError> errors)
    {
        var nodes = new Dictionary<string, (int, ActivityDescriptor?)>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var node = definition.Activities[i];
            var path = $"/activities/{i}";
            if (node is null || string.IsNullOrWhiteSpace(node.Id) || node.Id.Length > 100)
            {
                errors.Add(new("invalid-activity-id", "Every activity needs an id of 1 to 100 characters.", $"{path}/id"));
                continue;
            }

            var descriptor = node.Type is null ? null : registry.Find(node.Type);
            if (!nodes.TryAdd(node.Id, (i, descriptor)))
            {
                errors.Add(new("duplicate-activity-id", $"The id '{node.Id}' is used by more than one activity.", $"{path}/id", node.Id));
                continue;
            }

            if (descriptor is null)
            {
                errors.Add(new("unknown-activity-type", $"'{node.Type}' is not a known activity type.", $"{path}/type", node.Id));
                continue;
            }

            foreach (var (property, message) in ActivityRegistry.CheckProperties(descriptor, node.Properties ?? new Dictionary<string, System.Text.Json.JsonElement>()))
            {
                errors.Add(new("invalid-property", message, $"{path}/properties/{property}", node.Id));
            }
        }

        return nodes;
    }

    private static void CheckConnections(
        WorkflowDefinition definition,
        Dictionary<string, (int Index, ActivityDescriptor? Descriptor)> nodes,
        List<ValidationError> errors)
    {
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var c = definition.Connections[i];
            var path = $"/connections/{i}";
            if (c is null)
            {
                errors.Add(new("invalid-connection", "A connection cannot be null.", path, ConnectionIndex: i));
                continue;
            }

            if (c.From is null || !nodes.TryGetValue(c.From, out var from))
            {
                errors.Add(new("missing-activity", $"The connection comes from '{c.From}', which is not an activity of this flow.", $"{path}/from", ConnectionIndex: i));
            }
            else if (from.Descriptor is not null && !from.Descriptor.HasOutcome(c.Outcome) && !from.Descriptor.HasSignal(c.Outcome))
            {
                errors.Add(new("undeclared-outcome",
                    $"'{c.From}' ({from.Descriptor.Type}) has no outcome '{c.Outcome}'; it has: {Describe(from.Descriptor)}.",
                    $"{path}/outcome", c.From, i));
            }
            else if (!seen.Add((c.From, c.Outcome)) && from.Descriptor?.Purpose != ActivityPurpose.Fork)
            {
                errors.Add(new("ambiguous-outcome",
                    $"Outcome '{c.Outcome}' of '{c.From}' has more than one connection; use a Fork for parallel branches.",
                    path, c.From, i));
            }

            if (c.To is null || !nodes.TryGetValue(c.To, out var to))
            {
                errors.Add(new("missing-activity", $"The connection goes to '{c.To}', which is not an activity of this flow.", $"{path}/to", ConnectionIndex: i));
            }
            else if (to.Descriptor?.Purpose == ActivityPurpose.Start)
            {
                errors.Add(new("connection-into-start", "No connection may lead into Start.", $"{path}/to", c.To, i));
            }
        }
    }

    private static void CheckGraph(
        WorkflowDefinition definition,
        Dictionary<string, (int Index, ActivityDescriptor? Descriptor)> nodes,
        List<ValidationError> errors)
    {
        var starts = nodes.Where(n => n.Value.Descriptor?.Purpose == ActivityPurpose.Start).Select(n => n.Key).ToList();
        if (starts.Count == 0)
        {
            errors.Add(new("missing-start", "The flow has no Start activity.", "/activities"));
            return;
        }

        foreach (var extra in starts.Skip(1))
        {
            errors.Add(new("multiple-starts", "The flow has more than one Start activity.", $"/activities/{nodes[extra].Index}", extra));
        }

        var valid = definition.Connections
            .Where(c => c?.From is not null && c.To is not null && nodes.ContainsKey(c.From) && nodes.ContainsKey(c.To))
            .ToList();
        var graph = new FlowGraph(valid);
        var reachable = graph.ReachableFrom(starts[0]);
        var ends = nodes.Where(n => n.Value.Descriptor?.Purpose == ActivityPurpose.End).Select(n => n.Key).ToList();
        // A branch may also stop at an activity with no outcomes of its own (Escalate on an Overdue signal).
        var sinks = nodes.Where(n => n.Value.Descriptor is { Outcomes.Count: 0 }).Select(n => n.Key);
        var leadToEnd = new HashSet<string>(sinks.SelectMany(graph.ReachingTo), StringComparer.Ordinal);
        if (!ends.Any(reachable.Contains))
        {
            errors.Add(new("no-end-reachable", "No End activity can be reached from Start.", "/activities"));
        }

        foreach (var (id, (index, descriptor)) in nodes.OrderBy(n => n.Value.Index))
        {
            var path = $"/activities/{index}";
            if (!reachable.Contains(id))
            {
                errors.Add(new("unreachable-activity", $"'{id}' cannot be reached from Start.", path, id));
            }
            else if (ends.Count > 0 && !leadToEnd.Contains(id))
            {
                errors.Add(new("dead-end", $"No End can be reached from '{id}'; a case there would never finish.", path, id));
            }

            if (descriptor is null)
            {
                continue;
            }

            foreach (var outcome in descriptor.Outcomes.Where(o => graph.Outgoing(id, o.Name).Count == 0))
            {
                errors.Add(new("dangling-outcome", $"Outcome '{outcome.Name}' of '{id}' leads nowhere.", path, id));
            }

            if (descriptor.Purpose == ActivityPurpose.Fork && graph.Outgoing(id, Outcomes.Done).Count < 2)
            {
                errors.Add(new("invalid-fork", $"Fork '{id}' needs at least two branches.", path, id));
            }

            if (descriptor.Purpose == ActivityPurpose.Join && graph.InboundCount(id) < 2)
            {
                errors.Add(new("invalid-join", $"Join '{id}' needs at least two incoming branches.", path, id));
            }
        }
    }

    private static string Describe(ActivityDescriptor descriptor) =>
        descriptor.Outcomes.Count == 0 ? "none" : string.Join(", ", descriptor.Outcomes.Select(o => o.Name));

    // \z, not $: in .NET "$" also matches before a final newline.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,99}\z")]
    private static partial Regex DefinitionIdPattern();
}
