using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Designer.Canvas;
using Blazor.Diagrams.Core.Geometry;

namespace Approval.Designer.Tests.Canvas;

public sealed class FlowDiagramTests
{
    public static TheoryData<string> ShippedFlows => [.. DesignerContext.ShippedNames];

    // Guards against the canvas silently dropping or reordering what a definition holds when it is
    // opened and saved untouched: a publish must change only what the administrator changed.
    [Theory]
    [MemberData(nameof(ShippedFlows))]
    public void AShippedFlow_ReadsBackFromTheCanvas_AsItWasLoaded(string name)
    {
        var definition = DesignerContext.Shipped(name);
        var diagram = new FlowDiagram(ActivityRegistry.Default, readOnly: false);

        diagram.Load(definition);

        Assert.Equal(WorkflowJson.Serialize(definition), WorkflowJson.Serialize(diagram.ToDefinition(definition)));
    }

    [Fact]
    public void AddingAStep_GivesItAFreeIdFromItsType_AndAnnouncesTheChange()
    {
        var definition = DesignerContext.Shipped("standard-licence");
        var diagram = new FlowDiagram(ActivityRegistry.Default, readOnly: false);
        diagram.Load(definition);
        var changes = 0;
        diagram.Changed += () => changes++;

        var added = diagram.AddActivity(ActivityRegistry.Default.Find("Review")!, new Point(500, 500));
        var window = diagram.AddActivity(ActivityRegistry.Default.Find("WindowAuthorization")!, new Point(700, 500));

        Assert.Equal("review-2", added.ActivityId);
        Assert.Equal("window-authorization", window.ActivityId);
        Assert.True(added.Selected || window.Selected);
        Assert.Equal(2, changes);
        var read = diagram.ToDefinition(definition);
        Assert.Equal(new Position(500, 500), read.Activities.Single(a => a.Id == "review-2").Position);
    }

    [Fact]
    public void WiringAnOutcomeAgain_ReplacesItsConnection_ButAForksBranchesAddUp()
    {
        var definition = DesignerContext.Shipped("standard-licence");
        var diagram = new FlowDiagram(ActivityRegistry.Default, readOnly: false);
        diagram.Load(definition);
        var added = diagram.AddActivity(ActivityRegistry.Default.Find("Review")!, new Point(500, 500));

        var link = new ConnectionLinkModel(
            new Blazor.Diagrams.Core.Anchors.SinglePortAnchor(diagram.Find("review")!.Outcome("Pass")!),
            new Blazor.Diagrams.Core.Anchors.SinglePortAnchor(added.Input));
        diagram.Diagram.Links.Add(link);
        link.TriggerTargetAttached();

        var connections = diagram.ToDefinition(definition).Connections;
        Assert.Contains(new Connection("review", "Pass", "review-2"), connections);
        Assert.DoesNotContain(new Connection("review", "Pass", "decide"), connections);

        var joint = DesignerContext.Shipped("joint-approval");
        diagram.Load(joint);
        var fork = diagram.Nodes.Single(n => n.Descriptor.Type == "Fork");
        var branches = joint.Connections.Count(c => c.From == fork.ActivityId);
        var third = new ConnectionLinkModel(
            new Blazor.Diagrams.Core.Anchors.SinglePortAnchor(fork.Outcome("Done")!),
            new Blazor.Diagrams.Core.Anchors.SinglePortAnchor(diagram.AddActivity(ActivityRegistry.Default.Find("Review")!, new Point(0, 600)).Input));
        diagram.Diagram.Links.Add(third);
        third.TriggerTargetAttached();

        Assert.Equal(branches + 1, diagram.ToDefinition(joint).Connections.Count(c => c.From == fork.ActivityId));
    }

    [Fact]
    public async Task DeletingTheSelection_RemovesTheStepAndItsConnections_AsOneChange()
    {
        var definition = DesignerContext.Shipped("standard-licence");
        var diagram = new FlowDiagram(ActivityRegistry.Default, readOnly: false);
        diagram.Load(definition);
        var changes = 0;
        diagram.Changed += () => changes++;

        diagram.Diagram.SelectModel(diagram.Find("certify")!, unselectOthers: true);
        await Blazor.Diagrams.Core.Behaviors.KeyboardShortcutsDefaults.DeleteSelection(diagram.Diagram);

        var read = diagram.ToDefinition(definition);
        Assert.DoesNotContain(read.Activities, a => a.Id == "certify");
        Assert.DoesNotContain(read.Connections, c => c.From == "certify" || c.To == "certify");
        Assert.Equal(definition.Connections.Count - 2, read.Connections.Count);
        Assert.Equal(1, changes);
    }

    [Fact]
    public async Task AReadOnlyCanvas_DeletesNothing()
    {
        var definition = DesignerContext.Shipped("standard-licence");
        var diagram = new FlowDiagram(ActivityRegistry.Default, readOnly: true);
        diagram.Load(definition);

        diagram.Diagram.SelectModel(diagram.Find("certify")!, unselectOthers: true);
        await Blazor.Diagrams.Core.Behaviors.KeyboardShortcutsDefaults.DeleteSelection(diagram.Diagram);

        Assert.NotNull(diagram.Find("certify"));
        Assert.Equal(definition.Connections.Count, diagram.ToDefinition(definition).Connections.Count);
    }

    [Fact]
    public void UndoAndRedo_RestoreWhatWasDrawn()
    {
        var definition = DesignerContext.Shipped("standard-licence");
        var history = new UndoHistory();
        var diagram = new FlowDiagram(ActivityRegistry.Default, readOnly: false);
        diagram.Load(definition);
        history.Reset(definition);
        diagram.Changed += () => history.Record(diagram.ToDefinition(definition));

        diagram.AddActivity(ActivityRegistry.Default.Find("Certify")!, new Point(100, 500));
        diagram.Diagram.Nodes.Remove(diagram.Find("review")!);

        Assert.Null(diagram.Find("review"));
        diagram.Load(history.Undo()!);
        Assert.NotNull(diagram.Find("review"));
        Assert.NotNull(diagram.Find("certify-2"));
        Assert.Equal(definition.Connections.Count, diagram.ToDefinition(definition).Connections.Count);
        diagram.Load(history.Undo()!);
        Assert.Equal(WorkflowJson.Serialize(definition), WorkflowJson.Serialize(diagram.ToDefinition(definition)));
        Assert.False(history.CanUndo);

        diagram.Load(history.Redo()!);
        Assert.NotNull(diagram.Find("certify-2"));
        Assert.True(history.CanRedo);
    }

    [Fact]
    public void TheCaseViewer_MarksStepsPassed_StepsWaiting_AndConnectionsFollowed()
    {
        var definition = DesignerContext.Shipped("standard-licence");
        var diagram = new FlowDiagram(ActivityRegistry.Default, readOnly: true);
        diagram.Load(definition);

        diagram.ShowPath([("start", "Done"), ("accept", "Accepted")], ["review"]);

        Assert.True(diagram.Find("accept")!.Visited);
        Assert.True(diagram.Find("review")!.Waiting);
        Assert.False(diagram.Find("decide")!.Visited);
        var taken = diagram.ConnectionLinks().Where(l => l.Link.Taken).Select(l => l.Connection).ToList();
        Assert.Equal([new Connection("start", "Done", "accept"), new Connection("accept", "Accepted", "review")], taken);
        Assert.All(diagram.Nodes, n => Assert.True(n.Locked));
    }
}
