using Approval.Activities.Definitions;
using static Approval.Activities.Tests.Support.Flows;

namespace Approval.Activities.Tests.Validation;

public sealed partial class DefinitionValidatorTests
{
    [Fact]
    public void Validate_ReportsUnknownType_WithItsPath()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("mystery", "Mystery"), Node("end", "End")],
            [Link("start", "Done", "mystery"), Link("mystery", "Next", "end")]);

        Assert.Equal([("unknown-activity-type", "/activities/1/type", "mystery", null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsUnknownType_WhenCaseDiffers()
    {
        var definition = Definition([Node("start", "start"), Node("end", "End")], [Link("start", "Done", "end")]);

        Assert.Contains(("unknown-activity-type", "/activities/0/type", "start", (int?)null), Errors(definition));
    }

    [Fact]
    public void Validate_ReportsDuplicateId_AtTheSecondActivity()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("end", "End"), Node("end", "End")],
            [Link("start", "Done", "end")]);

        Assert.Equal([("duplicate-activity-id", "/activities/2/id", "end", null)], Errors(definition));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_ReportsBlankActivityId(string id)
    {
        var definition = Minimal() with { Activities = [Node("start", "Start"), Node("end", "End"), Node(id, "End")] };

        Assert.Equal([("invalid-activity-id", "/activities/2/id", null, null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsActivityIdLongerThan100Characters()
    {
        var longId = new string('a', 101);
        var definition = Minimal() with { Activities = [Node("start", "Start"), Node("end", "End"), Node(longId, "End")] };

        Assert.Equal([("invalid-activity-id", "/activities/2/id", null, null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsNullActivity_ReadFromJson()
    {
        var definition = WorkflowJson.Deserialize("""
            {
              "definitionId": "null-activity",
              "name": "n",
              "activities": [ { "id": "start", "type": "Start" }, null, { "id": "end", "type": "End" } ],
              "connections": [ { "from": "start", "outcome": "Done", "to": "end" } ]
            }
            """);

        Assert.Equal([("invalid-activity-id", "/activities/1/id", null, null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsConnectionFromMissingActivity()
    {
        var definition = Minimal() with { Connections = [Link("start", "Done", "end"), Link("ghost", "Done", "end")] };

        Assert.Equal([("missing-activity", "/connections/1/from", null, 1)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsConnectionToMissingActivity_AndTheOutcomeItLeavesDangling()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("decide", "Decide"), Node("end", "End")],
            [Link("start", "Done", "decide"), Link("decide", "Grant", "end"), Link("decide", "Deny", "ghost")]);

        Assert.Equal(
            [("missing-activity", "/connections/2/to", null, 2), ("dangling-outcome", "/activities/1", "decide", null)],
            Errors(definition));
    }

    [Fact]
    public void Validate_ReportsConnectionWithoutEnds_ReadFromJson()
    {
        // The reader does not require a connection's members (positional record); the validator must catch them.
        var definition = WorkflowJson.Deserialize("""
            {
              "definitionId": "partial-connection",
              "name": "n",
              "activities": [ { "id": "start", "type": "Start" }, { "id": "end", "type": "End" } ],
              "connections": [ { "from": "start", "outcome": "Done", "to": "end" }, { "outcome": "Done" } ]
            }
            """);

        Assert.Equal(
            [("missing-activity", "/connections/1/from", null, 1), ("missing-activity", "/connections/1/to", null, 1)],
            Errors(definition));
    }

    [Fact]
    public void Validate_ReportsNullConnection_ReadFromJson()
    {
        var definition = WorkflowJson.Deserialize("""
            {
              "definitionId": "null-connection",
              "name": "n",
              "activities": [ { "id": "start", "type": "Start" }, { "id": "end", "type": "End" } ],
              "connections": [ { "from": "start", "outcome": "Done", "to": "end" }, null ]
            }
            """);

        Assert.Equal([("invalid-connection", "/connections/1", null, 1)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsUndeclaredOutcome()
    {
        var definition = Minimal() with { Connections = [Link("start", "Done", "end"), Link("start", "Finished", "end")] };

        Assert.Equal([("undeclared-outcome", "/connections/1/outcome", "start", 1)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsAmbiguousOutcome_OfAnActivityThatIsNotAFork()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("decide", "Decide"), Node("granted", "End"), Node("also-granted", "End")],
            [
                Link("start", "Done", "decide"),
                Link("decide", "Grant", "granted"),
                Link("decide", "Deny", "granted"),
                Link("decide", "Grant", "also-granted"),
            ]);

        Assert.Equal([("ambiguous-outcome", "/connections/3", "decide", 3)], Errors(definition));
    }

    [Fact]
    public void Validate_NamesTheOutcomesAnActivityHas_WhenOneIsUndeclared()
    {
        var definition = Minimal() with { Connections = [Link("start", "Done", "end"), Link("start", "Finished", "end")] };

        var error = Assert.Single(Validate(definition));
        Assert.Contains("Finished", error.Message);
        Assert.Contains("Done", error.Message);
    }
}
