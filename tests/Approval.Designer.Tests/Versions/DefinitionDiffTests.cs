using System.Text.Json;
using Approval.Activities.Definitions;
using Approval.Designer.Versions;

namespace Approval.Designer.Tests.Versions;

public sealed class DefinitionDiffTests
{
    [Fact]
    public void InsertingAStepBetweenReviewAndDecide_IsOneStepAdded_AndReviewsPassRedirected()
    {
        var v1 = DesignerContext.Shipped("standard-licence");
        var v2 = v1 with
        {
            Version = 2,
            Activities = [.. v1.Activities, new ActivityNode { Id = "review-2", Type = "Review", Name = "复审", Position = new Position(500, 500) }],
            Connections =
            [
                .. v1.Connections.Select(c => c is { From: "review", Outcome: "Pass" } ? c with { To = "review-2" } : c),
                new Connection("review-2", "Pass", "decide"),
                new Connection("review-2", "Return", "accept"),
                new Connection("review-2", "Reject", "end-rejected"),
            ],
        };

        var diff = DefinitionDiff.Compare(v1, v2);

        Assert.Equal("review-2", Assert.Single(diff.AddedSteps).Id);
        Assert.Empty(diff.RemovedSteps);
        Assert.Empty(diff.ChangedSteps);
        Assert.Equal(3, diff.AddedConnections.Count);
        Assert.Empty(diff.RemovedConnections);
        Assert.Equal(new ConnectionChange("review", "Pass", "decide", "review-2"), Assert.Single(diff.ChangedConnections));
    }

    [Fact]
    public void AChangedProperty_IsAChangedStep_ButAMoveIsNot()
    {
        var v1 = DesignerContext.Shipped("standard-licence");
        var v2 = v1 with
        {
            Activities = [.. v1.Activities.Select(a => a.Id switch
            {
                "review" => a with { Properties = new Dictionary<string, JsonElement> { ["role"] = JsonSerializer.SerializeToElement("DepartmentHead") } },
                "decide" => a with { Position = new Position(0, 0) },
                _ => a,
            })],
        };

        var diff = DefinitionDiff.Compare(v1, v2);

        var change = Assert.Single(diff.ChangedSteps);
        Assert.Equal("review", change.After.Id);
        Assert.Equal("role: DepartmentHandler → DepartmentHead", Assert.Single(change.What));
    }

    [Fact]
    public void ARemovedStep_AndItsConnections_AreRemoved()
    {
        var v1 = DesignerContext.Shipped("standard-licence");
        var v2 = v1 with
        {
            Activities = [.. v1.Activities.Where(a => a.Id != "end-denied")],
            Connections = [.. v1.Connections.Where(c => c.To != "end-denied")],
        };

        var diff = DefinitionDiff.Compare(v1, v2);

        Assert.Equal("end-denied", Assert.Single(diff.RemovedSteps).Id);
        Assert.Equal(new Connection("decide", "Deny", "end-denied"), Assert.Single(diff.RemovedConnections));
        Assert.False(diff.IsEmpty);
        Assert.True(DefinitionDiff.Compare(v1, v1).IsEmpty);
    }
}
