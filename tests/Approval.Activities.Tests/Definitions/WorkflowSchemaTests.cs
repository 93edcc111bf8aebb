using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Tests.Support;
using Approval.Activities.Validation;

namespace Approval.Activities.Tests.Definitions;

public sealed class WorkflowSchemaTests
{
    public static TheoryData<string> WorkflowFiles() => RepoFiles.WorkflowFiles();

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void SampleWorkflow_ConformsToSchema(string fileName)
    {
        var results = WorkflowSchema.Evaluate(RepoFiles.ReadWorkflow(fileName));

        Assert.True(results.IsValid, WorkflowSchema.Describe(results));
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void SerializedSampleWorkflow_ConformsToSchema(string fileName)
    {
        // What WorkflowJson writes (e.g. "properties": {} on every activity) must be what the schema allows.
        var serialized = WorkflowJson.Serialize(WorkflowJson.Deserialize(RepoFiles.ReadWorkflow(fileName)));

        var results = WorkflowSchema.Evaluate(serialized);

        Assert.True(results.IsValid, WorkflowSchema.Describe(results));
    }

    [Fact]
    public void Schema_RejectsUnknownTopLevelMember()
    {
        var results = WorkflowSchema.Evaluate(Edit(d => d["colour"] = "red"));

        Assert.False(results.IsValid);
        Assert.Contains("/colour", WorkflowSchema.FailedLocations(results));
    }

    [Fact]
    public void Schema_RejectsUnknownActivityType()
    {
        var results = WorkflowSchema.Evaluate(Edit(d => d["activities"]![1]!["type"] = "Approve"));

        Assert.False(results.IsValid);
        Assert.Contains("/activities/1/type", WorkflowSchema.FailedLocations(results));
    }

    [Theory]
    [InlineData("Standard-Licence")]
    [InlineData("-lead")]
    [InlineData("")]
    public void Schema_RejectsBadDefinitionId(string definitionId)
    {
        var results = WorkflowSchema.Evaluate(Edit(d => d["definitionId"] = definitionId));

        Assert.False(results.IsValid);
        Assert.Contains("/definitionId", WorkflowSchema.FailedLocations(results));
    }

    [Fact]
    public void Schema_RejectsVersionBelowOne()
    {
        var results = WorkflowSchema.Evaluate(Edit(d => d["version"] = 0));

        Assert.False(results.IsValid);
        Assert.Contains("/version", WorkflowSchema.FailedLocations(results));
    }

    /// <summary>Every document WorkflowJson refuses, the schema refuses too.</summary>
    [Theory]
    [InlineData("""{ "definitionId": "a", "name": "n", "colour": "red" }""")]
    [InlineData("""{ "definitionId": "a", "name": "n", "activities": [ { "id": "s", "type": "Start", "colour": 1 } ] }""")]
    [InlineData("""{ "definitionId": "a", "name": "n", "activities": [ { "id": "s", "type": "Start", "position": { "x": 1, "y": 2, "z": 3 } } ] }""")]
    [InlineData("""{ "definitionId": "a", "name": "n", "connections": [ { "from": "s", "outcome": "Done", "to": "e", "label": "x" } ] }""")]
    [InlineData("""{ "$schema": "./schema/workflow.schema.json", "definitionId": "a", "name": "n" }""")]
    [InlineData("""{ "name": "n" }""")]
    [InlineData("""{ "definitionId": "a" }""")]
    [InlineData("""{ "definitionId": "a", "name": "n", "activities": [ { "type": "Start" } ] }""")]
    [InlineData("""{ "definitionId": "a", "name": "n", "activities": [ { "id": "s" } ] }""")]
    [InlineData("""{ "definitionId": "a", "name": "n", "version": 1.5 }""")]
    [InlineData("""{ "definitionId": "a", "name": "n", "activities": {} }""")]
    [InlineData("""[]""")]
    public void Schema_RejectsWhatWorkflowJsonRejects(string json)
    {
        Assert.Throws<JsonException>(() => WorkflowJson.Deserialize(json));

        Assert.False(WorkflowSchema.Evaluate(json).IsValid);
    }

    [Fact]
    public void Schema_AcceptsTheSmallestDefinitionWorkflowJsonReads()
    {
        const string json = """{ "definitionId": "a", "name": "n" }""";
        WorkflowJson.Deserialize(json);

        var results = WorkflowSchema.Evaluate(json);

        Assert.True(results.IsValid, WorkflowSchema.Describe(results));
    }

    [Fact]
    public void Schema_AcceptsAnyJsonAsPropertyValues()
    {
        // Property values are checked per activity type by the validator, not by the schema.
        var results = WorkflowSchema.Evaluate(Edit(d => d["activities"]![1]!["properties"] = new JsonObject
        {
            ["role"] = "WindowStaff",
            ["nested"] = new JsonArray(1, true, null, new JsonObject { ["k"] = 1.5 }),
        }));

        Assert.True(results.IsValid, WorkflowSchema.Describe(results));
    }

    [Fact]
    public void ActivityTypeEnum_MatchesTheRegistry()
    {
        // Guards against drift: a new or renamed activity type in the registry that the schema (and so
        // every editor using it) would refuse, or a type the schema offers that the validator rejects.
        var schemaTypes = WorkflowSchema.Document()["$defs"]!["activityType"]!["enum"]!.AsArray()
            .Select(t => t!.GetValue<string>())
            .ToList();
        var registryTypes = ActivityRegistry.Default.Descriptors.Select(d => d.Type);

        Assert.Equal(schemaTypes.Count, schemaTypes.Distinct().Count());
        Assert.Equal(registryTypes.Order(StringComparer.Ordinal), schemaTypes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ActivityType_IsTheEnumDefinition()
    {
        // The drift test reads $defs/activityType; it only guards anything if activities use that definition.
        var reference = WorkflowSchema.Document()["$defs"]!["activity"]!["properties"]!["type"]!["$ref"]!.GetValue<string>();

        Assert.Equal("#/$defs/activityType", reference);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("standard-licence")]
    [InlineData("city.market_regulation-v2")]
    [InlineData("Standard-Licence")]
    [InlineData("_lead")]
    [InlineData("has space")]
    [InlineData("许可流程")]
    [InlineData("trailing-newline\n")]
    [InlineData("")]
    public void DefinitionIdPattern_AgreesWithTheValidator(string definitionId)
    {
        // .NET's "$" also matches before a final newline, ECMAScript's (the schema's) does not.
        var validatorAccepts = !DefinitionValidator.Validate(Flows.Minimal() with { DefinitionId = definitionId }, ActivityRegistry.Default)
            .Any(e => e.Code == "invalid-definition-id");

        var schemaAccepts = WorkflowSchema.Evaluate(Edit(d => d["definitionId"] = definitionId)).IsValid;

        Assert.Equal(validatorAccepts, schemaAccepts);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void DefinitionIdLength_AgreesWithTheValidator(int length, bool valid)
    {
        var definitionId = new string('a', length);
        var validatorAccepts = !DefinitionValidator.Validate(Flows.Minimal() with { DefinitionId = definitionId }, ActivityRegistry.Default)
            .Any(e => e.Code == "invalid-definition-id");

        var schemaAccepts = WorkflowSchema.Evaluate(Edit(d => d["definitionId"] = definitionId)).IsValid;

        Assert.Equal(valid, validatorAccepts);
        Assert.Equal(valid, schemaAccepts);
    }

    /// <summary>standard-licence.json changed by <paramref name="change"/>.</summary>
    private static string Edit(Action<JsonNode> change)
    {
        var document = JsonNode.Parse(RepoFiles.ReadWorkflow("standard-licence.json"))!;
        change(document);
        return document.ToJsonString();
    }
}
