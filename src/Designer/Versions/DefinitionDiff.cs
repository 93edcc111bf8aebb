using System.Text.Json;
using Approval.Activities.Definitions;

namespace Approval.Designer.Versions;

/// <summary>What changed between two versions of a flow: steps and connections added, removed and changed.</summary>
public sealed record DefinitionDiff(
    IReadOnlyList<ActivityNode> AddedSteps,
    IReadOnlyList<ActivityNode> RemovedSteps,
    IReadOnlyList<StepChange> ChangedSteps,
    IReadOnlyList<Connection> AddedConnections,
    IReadOnlyList<Connection> RemovedConnections,
    IReadOnlyList<ConnectionChange> ChangedConnections)
{
    public bool IsEmpty => AddedSteps.Count + RemovedSteps.Count + ChangedSteps.Count
        + AddedConnections.Count + RemovedConnections.Count + ChangedConnections.Count == 0;

    /// <summary>
    /// Steps are matched by id; a step changed when its type, name or properties differ (a move on the
    /// canvas is not a change). A connection is an outcome's target: an outcome that now leads
    /// elsewhere is changed, one that appears or disappears is added or removed.
    /// </summary>
    public static DefinitionDiff Compare(WorkflowDefinition from, WorkflowDefinition to)
    {
        var before = from.Activities.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var after = to.Activities.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changed = new List<StepChange>();
        foreach (var (id, old) in before)
        {
            if (after.TryGetValue(id, out var now) && Changes(old, now) is { Count: > 0 } what)
            {
                changed.Add(new StepChange(old, now, what));
            }
        }

        var oldTargets = Targets(from);
        var newTargets = Targets(to);
        var addedConnections = new List<Connection>();
        var removedConnections = new List<Connection>();
        var changedConnections = new List<ConnectionChange>();
        foreach (var key in oldTargets.Keys.Union(newTargets.Keys))
        {
            var was = oldTargets.GetValueOrDefault(key) ?? [];
            var @is = newTargets.GetValueOrDefault(key) ?? [];
            var gone = was.Except(@is, StringComparer.Ordinal).ToList();
            var come = @is.Except(was, StringComparer.Ordinal).ToList();
            if (gone.Count == 1 && come.Count == 1)
            {
                changedConnections.Add(new ConnectionChange(key.From, key.Outcome, gone[0], come[0]));
                continue;
            }

            removedConnections.AddRange(gone.Select(t => new Connection(key.From, key.Outcome, t)));
            addedConnections.AddRange(come.Select(t => new Connection(key.From, key.Outcome, t)));
        }

        return new DefinitionDiff(
            [.. to.Activities.Where(a => !before.ContainsKey(a.Id))],
            [.. from.Activities.Where(a => !after.ContainsKey(a.Id))],
            changed,
            addedConnections,
            removedConnections,
            changedConnections);
    }

    private static Dictionary<(string From, string Outcome), List<string>> Targets(WorkflowDefinition definition)
    {
        var map = new Dictionary<(string, string), List<string>>();
        foreach (var c in definition.Connections)
        {
            if (!map.TryGetValue((c.From, c.Outcome), out var list))
            {
                map[(c.From, c.Outcome)] = list = [];
            }

            list.Add(c.To);
        }

        return map;
    }

    private static List<string> Changes(ActivityNode old, ActivityNode now)
    {
        var what = new List<string>();
        if (old.Type != now.Type)
        {
            what.Add($"type: {old.Type} → {now.Type}");
        }

        if (old.Name != now.Name)
        {
            what.Add($"name: {old.Name} → {now.Name}");
        }

        foreach (var key in old.Properties.Keys.Union(now.Properties.Keys).Order(StringComparer.Ordinal))
        {
            var a = old.Properties.TryGetValue(key, out var x) ? Json(x) : null;
            var b = now.Properties.TryGetValue(key, out var y) ? Json(y) : null;
            if (a != b)
            {
                what.Add($"{key}: {a ?? "—"} → {b ?? "—"}");
            }
        }

        return what;
    }

    private static string Json(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
}

public sealed record StepChange(ActivityNode Before, ActivityNode After, IReadOnlyList<string> What);

public sealed record ConnectionChange(string From, string Outcome, string OldTo, string NewTo);
