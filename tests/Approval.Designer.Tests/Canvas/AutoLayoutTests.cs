using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Designer.Canvas;

namespace Approval.Designer.Tests.Canvas;

public sealed class AutoLayoutTests
{
    public static TheoryData<string> ShippedFlows => [.. DesignerContext.ShippedNames];

    [Theory]
    [MemberData(nameof(ShippedFlows))]
    public void EveryStep_GetsAPlace_NoTwoOverlap_AndEveryForwardConnectionGoesRight(string name)
    {
        var definition = DesignerContext.Shipped(name);

        var positions = AutoLayout.Arrange(definition, ActivityRegistry.Default);

        Assert.Equal(definition.Activities.Select(a => a.Id).Order(), positions.Keys.Order());
        var boxes = definition.Activities.Select(a => (a.Id, P: positions[a.Id],
            H: ActivityNodeWidget.EstimatedHeight(ActivityRegistry.Default.Find(a.Type)))).ToList();
        foreach (var a in boxes)
        {
            foreach (var b in boxes.Where(b => string.CompareOrdinal(b.Id, a.Id) > 0))
            {
                var apart = Math.Abs(a.P.X - b.P.X) >= ActivityNodeWidget.Width || a.P.Y + a.H <= b.P.Y || b.P.Y + b.H <= a.P.Y;
                Assert.True(apart, $"{a.Id} and {b.Id} overlap");
            }
        }

        var start = definition.Activities.Single(a => a.Type == "Start").Id;
        Assert.Equal(positions.Values.Min(p => p.X), positions[start].X);
        Assert.True(positions["end-approved" is var e && positions.ContainsKey(e) ? e : start].X >= positions[start].X);
    }

    [Fact]
    public void ALoopBack_DoesNotPushTheFlowRightwards()
    {
        var definition = DesignerContext.Shipped("standard-licence");

        var positions = AutoLayout.Arrange(definition, ActivityRegistry.Default);

        // review.Return leads back to accept; accept stays left of review, and the main line runs in order.
        string[] line = ["start", "accept", "review", "decide", "certify", "end-approved"];
        Assert.Equal(line, line.OrderBy(id => positions[id].X));
        Assert.Equal(positions["accept"].Y, positions["review"].Y);
    }

    [Fact]
    public void AStepWithoutAPosition_IsPlacedWhenTheCanvasOpens()
    {
        var definition = DesignerContext.Shipped("standard-licence");
        var unplaced = definition with { Activities = [.. definition.Activities.Select(a => a with { Position = null })] };
        var diagram = new FlowDiagram(ActivityRegistry.Default, readOnly: false);

        diagram.Load(unplaced);

        Assert.All(diagram.ToDefinition(unplaced).Activities, a => Assert.NotNull(a.Position));
        Assert.Equal(9, diagram.Nodes.Select(n => (n.Position.X, n.Position.Y)).Distinct().Count());
    }
}
