using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Tests.Support;
using Approval.Activities.Validation;
using static Approval.Activities.Tests.Support.Flows;

namespace Approval.Activities.Tests.Validation;

public sealed partial class DefinitionValidatorTests
{
    public static TheoryData<string> WorkflowFiles() => RepoFiles.WorkflowFiles();

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Validate_AcceptsSampleWorkflow(string fileName)
    {
        var definition = WorkflowJson.Deserialize(RepoFiles.ReadWorkflow(fileName));

        Assert.Empty(Validate(definition));
    }

    [Fact]
    public void Validate_AcceptsMinimalFlow() => Assert.Empty(Validate(Minimal()));

    [Fact]
    public void Validate_ReportsErrors_InsteadOfThrowing_WhenListsAreNull()
    {
        // WorkflowJson reads "activities": null as a null list; the validator must report, not throw NullReferenceException.
        var definition = WorkflowJson.Deserialize("""
            { "definitionId": "null-lists", "name": "n", "activities": null, "connections": null }
            """);

        Assert.Equal([("missing-start", "/activities", null, null)], Errors(definition));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Standard-Licence")]
    [InlineData("-leading-dash")]
    [InlineData(".leading-dot")]
    [InlineData("has space")]
    [InlineData("许可流程")]
    [InlineData("a/b")]
    [InlineData("trailing-newline\n")]
    public void Validate_ReportsBadDefinitionId(string definitionId)
    {
        var definition = Minimal() with { DefinitionId = definitionId };

        Assert.Equal([("invalid-definition-id", "/definitionId", null, null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsDefinitionIdLongerThan100Characters()
    {
        var definition = Minimal() with { DefinitionId = new string('a', 101) };

        Assert.Equal([("invalid-definition-id", "/definitionId", null, null)], Errors(definition));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("standard-licence")]
    [InlineData("city.market_regulation-v2")]
    public void Validate_AcceptsWellFormedDefinitionId(string definitionId) =>
        Assert.Empty(Validate(Minimal() with { DefinitionId = definitionId }));

    [Fact]
    public void Validate_AcceptsDefinitionIdOf100Characters() =>
        Assert.Empty(Validate(Minimal() with { DefinitionId = new string('a', 100) }));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_ReportsBlankName(string name) =>
        Assert.Equal([("invalid-name", "/name", null, null)], Errors(Minimal() with { Name = name }));

    [Fact]
    public void Validate_ReportsNameLongerThan200Characters() =>
        Assert.Equal([("invalid-name", "/name", null, null)], Errors(Minimal() with { Name = new string('名', 201) }));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_ReportsVersionBelowOne(int version) =>
        Assert.Equal([("invalid-version", "/version", null, null)], Errors(Minimal() with { Version = version }));

    [Fact]
    public void Validate_ReportsTooManyActivities_AndStops()
    {
        var many = Enumerable.Range(0, DefinitionValidator.MaxActivities + 1).Select(i => Node($"n{i}", "End"));
        var definition = Minimal() with { Activities = [.. many] };

        Assert.Equal([("too-large", "", null, null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsTooManyConnections_AndStops()
    {
        var many = Enumerable.Repeat(Link("start", "Done", "end"), DefinitionValidator.MaxConnections + 1);
        var definition = Minimal() with { Connections = [.. many] };

        Assert.Equal([("too-large", "", null, null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsEveryErrorAtOnce()
    {
        var definition = Definition(
            [
                Node("start", "Start"),
                Node("review", "Review", new { role = "Janitor" }),
                Node("mystery", "Mystery"),
                Node("end", "End", new { result = "Maybe" }),
                Node("end", "End"),
            ],
            [
                Link("start", "Done", "review"),
                Link("review", "Pass", "end"),
                Link("review", "Finished", "end"),
                Link("review", "Return", "ghost"),
            ],
            definitionId: "Bad Id");

        Assert.Equal(
            [
                ("invalid-definition-id", "/definitionId", null, null),
                ("invalid-property", "/activities/1/properties/role", "review", null),
                ("unknown-activity-type", "/activities/2/type", "mystery", null),
                ("invalid-property", "/activities/3/properties/result", "end", null),
                ("duplicate-activity-id", "/activities/4/id", "end", null),
                ("undeclared-outcome", "/connections/2/outcome", "review", 2),
                ("missing-activity", "/connections/3/to", null, 3),
                ("dangling-outcome", "/activities/1", "review", null),
                ("dangling-outcome", "/activities/1", "review", null),
                ("unreachable-activity", "/activities/2", "mystery", null),
            ],
            Errors(definition));
    }

    private static IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition) =>
        DefinitionValidator.Validate(definition, ActivityRegistry.Default);

    private static List<(string Code, string Path, string? ActivityId, int? ConnectionIndex)> Errors(WorkflowDefinition definition) =>
        [.. Validate(definition).Select(Locate)];
}
