using System.Text.Json;
using Approval.Activities.Definitions;

namespace Approval.Activities.Tests.Support;

/// <summary>Content equality of definitions: the records hold lists and JsonElements, which compare by reference.</summary>
internal static class DefinitionAssert
{
    public static void SameContent(WorkflowDefinition expected, WorkflowDefinition actual)
    {
        Assert.Equal(expected.DefinitionId, actual.DefinitionId);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Connections, actual.Connections);
        Assert.Equal(expected.Activities.Count, actual.Activities.Count);
        foreach (var (e, a) in expected.Activities.Zip(actual.Activities))
        {
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Type, a.Type);
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Position, a.Position);
            Assert.Equal(e.Properties.Keys.Order(StringComparer.Ordinal), a.Properties.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, value) in e.Properties)
            {
                Assert.True(JsonElement.DeepEquals(value, a.Properties[key]), $"{e.Id}.{key}: {value} ≠ {a.Properties[key]}");
            }
        }
    }
}
