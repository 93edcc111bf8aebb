using System.Text.Json;
using Approval.Activities.Definitions;

namespace Approval.DesignerBench;

/// <summary>
/// A valid flow of a given size: Start, a long line of human steps and conditions whose other
/// outcomes go back a step or to one of four Ends, laid out on a grid as a saved flow would be.
/// </summary>
internal static class BigFlow
{
    private static readonly string[] Cycle = ["Accept", "Review", "Decide", "Certify", "Decision"];

    public static WorkflowDefinition Create(string definitionId, int activities)
    {
        var steps = activities - 5; // Start and four Ends
        var nodes = new List<ActivityNode> { new() { Id = "start", Type = "Start", Position = At(0) } };
        var connections = new List<Connection>();
        string Step(int i) => $"step-{i}";
        for (var i = 1; i <= steps; i++)
        {
            var type = Cycle[(i - 1) % Cycle.Length];
            nodes.Add(new ActivityNode
            {
                Id = Step(i),
                Type = type,
                Name = $"{type} {i}",
                Properties = type == "Decision"
                    ? new Dictionary<string, JsonElement> { ["condition"] = JsonSerializer.SerializeToElement($"[amount] > {i}") }
                    : new Dictionary<string, JsonElement>(),
                Position = At(i),
            });
            var next = i == steps ? "end-approved" : Step(i + 1);
            var back = i == 1 ? Step(1) : Step(i - 1);
            connections.AddRange(type switch
            {
                "Accept" => [new(Step(i), "Accepted", next), new(Step(i), "NeedsCorrection", Step(i)), new(Step(i), "Refused", "end-refused")],
                "Review" => [new(Step(i), "Pass", next), new(Step(i), "Return", back), new(Step(i), "Reject", "end-rejected")],
                "Decide" => [new(Step(i), "Grant", next), new(Step(i), "Deny", "end-denied")],
                "Certify" => [new Connection(Step(i), "Issued", next)],
                _ => [new(Step(i), "True", next), new(Step(i), "False", "end-denied")],
            });
        }

        connections.Insert(0, new Connection("start", "Done", Step(1)));
        string[] results = ["Approved", "Denied", "Rejected", "Refused"];
        for (var e = 0; e < results.Length; e++)
        {
            nodes.Add(new ActivityNode
            {
                Id = $"end-{results[e].ToLowerInvariant()}",
                Type = "End",
                Properties = new Dictionary<string, JsonElement> { ["result"] = JsonSerializer.SerializeToElement(results[e]) },
                Position = At(steps + 1 + e),
            });
        }

        return new WorkflowDefinition { DefinitionId = definitionId, Name = $"基准流程（{activities} 个步骤）", Activities = nodes, Connections = connections };
    }

    private static Position At(int index) => new(40 + index % 12 * 230, 40 + index / 12 * 200);
}
