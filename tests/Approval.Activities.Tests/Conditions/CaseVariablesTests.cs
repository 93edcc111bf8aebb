using System.Text.Json;
using Approval.Activities.Conditions;

namespace Approval.Activities.Tests.Conditions;

public sealed class CaseVariablesTests
{
    [Fact]
    public void Flatten_NamesNestedValuesWithDots()
    {
        var variables = CaseVariables.Flatten("""{ "applicant": { "type": "企业", "address": { "city": "杭州" } }, "amount": 1 }""");

        Assert.Equal(["amount", "applicant.address.city", "applicant.type"], variables.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("企业", variables["applicant.type"]);
        Assert.Equal("杭州", variables["applicant.address.city"]);
    }

    [Fact]
    public void Flatten_KeepsWholeNumbersAsIntegers()
    {
        // As doubles, whole numbers above 2^53 (licence and ID numbers) would compare equal to their neighbours.
        var variables = CaseVariables.Flatten("""{ "count": 3, "big": 9007199254740993 }""");

        Assert.Equal(3L, Assert.IsType<long>(variables["count"]));
        Assert.Equal(9007199254740993L, Assert.IsType<long>(variables["big"]));
    }

    [Fact]
    public void Flatten_ReadsFractionsAsDoubles()
    {
        var variables = CaseVariables.Flatten("""{ "rate": 0.25 }""");

        Assert.Equal(0.25, Assert.IsType<double>(variables["rate"]));
    }

    [Fact]
    public void Flatten_ReadsBooleansStringsAndNulls()
    {
        var variables = CaseVariables.Flatten("""{ "major": true, "minor": false, "name": "x", "note": null }""");

        Assert.Equal(true, variables["major"]);
        Assert.Equal(false, variables["minor"]);
        Assert.Equal("x", variables["name"]);
        Assert.True(variables.ContainsKey("note"));
        Assert.Null(variables["note"]);
    }

    [Fact]
    public void Flatten_KeepsArraysAsTheirJsonText()
    {
        var variables = CaseVariables.Flatten("""{ "tags": [1, "a"] }""");

        Assert.Equal("""[1, "a"]""", variables["tags"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("42")]
    public void Flatten_GivesNoVariables_ForAnythingButAnObject(string? json) => Assert.Empty(CaseVariables.Flatten(json));

    [Fact]
    public void Flatten_ReadsAJsonElement()
    {
        using var document = JsonDocument.Parse("""{ "a": { "b": 1 } }""");

        Assert.Equal(1L, CaseVariables.Flatten(document.RootElement)["a.b"]);
    }
}
