using System.Text.Json;
using Approval.Activities.Definitions;
using Approval.Activities.Tests.Support;

namespace Approval.Activities.Tests.Definitions;

public sealed class WorkflowJsonTests
{
    private const string Handwritten = """
        {
          "definitionId": "handwritten",
          "version": 3,
          "name": "手写流程",
          "activities": [
            { "id": "start", "type": "Start", "position": { "x": -12.5, "y": 0 } },
            { "id": "decision", "type": "Decision", "name": "金额判断",
              "properties": { "condition": "[amount] > 100 and [applicant.type] = '企业'" } },
            { "id": "review", "type": "Review", "properties": { "role": "DepartmentHead", "department": "住建局", "extra": [1, true, null, { "k": 1.5 }] } },
            { "id": "end", "type": "End", "properties": { "result": "Approved" } }
          ],
          "connections": [
            { "from": "start", "outcome": "Done", "to": "decision" },
            { "from": "decision", "outcome": "True", "to": "review" },
            { "from": "decision", "outcome": "False", "to": "end" }
          ]
        }
        """;

    public static TheoryData<string> WorkflowFiles() => RepoFiles.WorkflowFiles();

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void RoundTrip_KeepsContent_OfSampleWorkflow(string fileName) => AssertRoundTrips(RepoFiles.ReadWorkflow(fileName));

    [Fact]
    public void RoundTrip_KeepsContent_OfEveryKindOfValue() => AssertRoundTrips(Handwritten);

    [Fact]
    public void Deserialize_ReadsEveryMember()
    {
        var definition = WorkflowJson.Deserialize(Handwritten);

        Assert.Equal("handwritten", definition.DefinitionId);
        Assert.Equal(3, definition.Version);
        Assert.Equal("手写流程", definition.Name);
        Assert.Null(definition.Description);
        Assert.Equal(["start", "decision", "review", "end"], definition.Activities.Select(a => a.Id));
        Assert.Equal(new Position(-12.5, 0), definition.Activities[0].Position);
        Assert.Null(definition.Activities[1].Position);
        Assert.Equal("金额判断", definition.Activities[1].Name);
        Assert.Equal("住建局", definition.Activities[2].Properties["department"].GetString());
        Assert.Equal(new Connection("decision", "True", "review"), definition.Connections[1]);
    }

    // The web defaults would read "DefinitionID" and "version": "3"; the schema allows neither, so neither may the reader.
    [Theory]
    [InlineData("""{ "DefinitionID": "x", "name": "n" }""")]
    [InlineData("""{ "definitionId": "x", "name": "n", "version": "3" }""")]
    public void Deserialize_Rejects_WhatTheSchemaDoesNotAllow(string json) =>
        Assert.ThrowsAny<JsonException>(() => WorkflowJson.Deserialize(json));

    [Fact]
    public void Deserialize_DefaultsVersionAndListsWhenOmitted()
    {
        var definition = WorkflowJson.Deserialize("""{ "definitionId": "bare", "name": "n" }""");

        Assert.Equal(1, definition.Version);
        Assert.Empty(definition.Activities);
        Assert.Empty(definition.Connections);
    }

    [Fact]
    public void Serialize_WritesCamelCase_AndLeavesOutNulls()
    {
        var json = WorkflowJson.Serialize(Flows.Minimal());

        using var document = JsonDocument.Parse(json);
        Assert.Equal(
            ["definitionId", "version", "name", "activities", "connections"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "type", "properties"], document.RootElement.GetProperty("activities")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["from", "outcome", "to"], document.RootElement.GetProperty("connections")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Serialize_WritesChineseAsIs()
    {
        // Definitions are read and diffed by people; \uXXXX escapes would make every Chinese name unreadable.
        var json = WorkflowJson.Serialize(Flows.Minimal());

        Assert.Contains("测试流程", json);
    }

    [Theory]
    [InlineData("""{ "definitionId": "a", "name": "n", "colour": "red" }""", "$.colour", "colour")]
    [InlineData("""{ "definitionId": "a", "name": "n", "activities": [ { "id": "s", "type": "Start", "colour": 1 } ] }""", "$.activities[0].colour", "colour")]
    [InlineData("""{ "definitionId": "a", "name": "n", "activities": [ { "id": "s", "type": "Start", "position": { "x": 1, "y": 2, "z": 3 } } ] }""", "$.activities[0].position.z", "z")]
    [InlineData("""{ "definitionId": "a", "name": "n", "connections": [ { "from": "s", "outcome": "Done", "to": "e", "label": "x" } ] }""", "$.connections[0].label", "label")]
    [InlineData("""{ "$schema": "./schema/workflow.schema.json", "definitionId": "a", "name": "n" }""", "$.$schema", "$schema")]
    public void Deserialize_RejectsUnknownMember_NamingItsPath(string json, string path, string member)
    {
        var error = Assert.Throws<JsonException>(() => WorkflowJson.Deserialize(json));

        Assert.Equal(path, error.Path);
        Assert.Contains($"'{member}'", error.Message);
    }

    [Theory]
    [InlineData("""{ "name": "n" }""", "$", "definitionId")]
    [InlineData("""{ "definitionId": "a" }""", "$", "name")]
    [InlineData("""{ "definitionId": "a", "name": "n", "activities": [ { "type": "Start" } ] }""", "$.activities[0]", "id")]
    [InlineData("""{ "definitionId": "a", "name": "n", "activities": [ { "id": "s" } ] }""", "$.activities[0]", "type")]
    public void Deserialize_RejectsMissingRequiredMember(string json, string path, string member)
    {
        var error = Assert.Throws<JsonException>(() => WorkflowJson.Deserialize(json));

        Assert.Equal(path, error.Path);
        Assert.Contains($"'{member}'", error.Message);
    }

    [Fact]
    public void Deserialize_RejectsNull() => Assert.Throws<JsonException>(() => WorkflowJson.Deserialize("null"));

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{ "definitionId": "a", "name": "n", "version": 1.5 }""")]
    [InlineData("""{ "definitionId": "a", "name": "n", "activities": {} }""")]
    public void Deserialize_RejectsTextThatIsNotADefinition(string json) =>
        Assert.Throws<JsonException>(() => WorkflowJson.Deserialize(json));

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Serialize_MatchesCommittedSnapshot(string fileName)
    {
        // Guards against a silent format change: a renamed member, a changed default, escaped Chinese.
        var actual = Normalize(WorkflowJson.Serialize(WorkflowJson.Deserialize(RepoFiles.ReadWorkflow(fileName))));
        var name = Path.GetFileNameWithoutExtension(fileName);
        var snapshot = Path.Combine(RepoFiles.Snapshots, $"{name}.snapshot.json");
        if (!File.Exists(snapshot))
        {
            Directory.CreateDirectory(RepoFiles.Snapshots);
            File.WriteAllText(snapshot, actual);
            Assert.Fail($"There was no snapshot of {fileName}; one was written to {snapshot}. Review it, commit it and run the tests again.");
        }

        var expected = Normalize(File.ReadAllText(snapshot));
        var received = Path.Combine(RepoFiles.Snapshots, $"{name}.received.json");
        if (expected != actual)
        {
            File.WriteAllText(received, actual);
        }
        else
        {
            File.Delete(received);
        }

        Assert.True(expected == actual,
            $"The serialized form of {fileName} differs from {snapshot}; it was written to {received}. " +
            "If the format change is intended, replace the snapshot with it.");
    }

    [Fact]
    public void Snapshots_BelongToAWorkflowFile()
    {
        var flows = RepoFiles.WorkflowFileNames().Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var snapshots = Directory.EnumerateFiles(RepoFiles.Snapshots, "*.snapshot.json")
            .Select(f => Path.GetFileName(f)[..^".snapshot.json".Length]);

        Assert.All(snapshots, s => Assert.Contains(s, flows));
    }

    [Fact]
    public void WorkflowFiles_IncludeTheTwoSampleFlows() =>
        Assert.Superset(new HashSet<string> { "standard-licence.json", "joint-approval.json" }, RepoFiles.WorkflowFileNames().ToHashSet());

    private static void AssertRoundTrips(string json)
    {
        var first = WorkflowJson.Deserialize(json);
        var serialized = WorkflowJson.Serialize(first);
        var second = WorkflowJson.Deserialize(serialized);

        DefinitionAssert.SameContent(first, second);
        Assert.Equal(serialized, WorkflowJson.Serialize(second));
    }

    /// <summary>Line endings follow the platform (and git's autocrlf); one trailing newline keeps the file diff-friendly.</summary>
    private static string Normalize(string json) => json.ReplaceLineEndings("\n").TrimEnd() + "\n";
}
