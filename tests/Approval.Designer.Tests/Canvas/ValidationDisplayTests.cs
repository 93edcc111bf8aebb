using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Validation;
using Approval.Designer.Canvas;
using Blazor.Diagrams;
using Microsoft.AspNetCore.Components;

namespace Approval.Designer.Tests.Canvas;

/// <summary>The validator's errors, shown on the steps and connections they concern and listed beside the canvas.</summary>
public sealed class ValidationDisplayTests
{
    [Fact]
    public async Task AStepWithErrors_IsMarked_AndSaysWhatIsWrong_InChinese()
    {
        await using var context = DesignerContext.Create();
        var diagram = new FlowDiagram(ActivityRegistry.Default, readOnly: false);
        var definition = DesignerContext.Shipped("standard-licence");
        diagram.Load(definition with { Connections = [.. definition.Connections.Where(c => c.From != "review")] });
        var errors = DefinitionValidator.Validate(diagram.ToDefinition(definition), ActivityRegistry.Default);

        var general = diagram.ShowErrors(errors);
        var review = RenderNode(context, diagram, "review");
        var decide = RenderNode(context, diagram, "decide");

        Assert.Contains("has-errors", review.Find(".activity-node").ClassList);
        // Its three outcomes lead nowhere, so no End can be reached from it either.
        Assert.Equal("4", review.Find(".activity-error-count").TextContent);
        Assert.Equal(
            ["dead-end", "dangling-outcome", "dangling-outcome", "dangling-outcome"],
            review.FindAll(".activity-errors li").Select(li => li.GetAttribute("data-code")));
        Assert.Contains("出口“Pass”没有连线。", review.Find(".activity-errors").TextContent);

        // Nothing leads to Decide any more: it cannot be reached.
        Assert.Contains("从开始无法到达此步骤。", decide.Find(".activity-errors").TextContent);
        Assert.DoesNotContain("has-errors", RenderNode(context, diagram, "accept").Find(".activity-node").ClassList);
        Assert.Empty(general);
    }

    [Fact]
    public void AConnectionWithAnError_IsDrawnInRed_AndErrorsOfNoStepAreReturned()
    {
        var diagram = new FlowDiagram(ActivityRegistry.Default, readOnly: false);
        var definition = DesignerContext.Shipped("standard-licence");
        diagram.Load(definition);
        var links = diagram.ConnectionLinks();
        var errors = new ValidationError[]
        {
            new("ambiguous-outcome", "Outcome 'Pass' of 'review' has more than one connection.", "/connections/4", "review", 4),
            new("invalid-name", "name is required and at most 200 characters.", "/name"),
        };

        var general = diagram.ShowErrors(errors);

        Assert.Equal("#d32f2f", links[4].Link.Color);
        Assert.Single(links[4].Link.Errors);
        Assert.All(links.Where((_, i) => i != 4), l => Assert.Empty(l.Link.Errors));
        Assert.Equal("invalid-name", Assert.Single(general).Code);

        diagram.ShowErrors([]);

        Assert.Null(links[4].Link.Color);
        Assert.Empty(links[4].Link.Errors);
    }

    [Fact]
    public async Task TheErrorList_ListsEveryError_AndNoErrorsSaysTheFlowCanBePublished()
    {
        await using var context = DesignerContext.Create();
        string? selected = null;
        var errors = new ValidationError[]
        {
            new("unreachable-activity", "'x' cannot be reached from Start.", "/activities/3", "x"),
            new("no-end-reachable", "No End activity can be reached from Start.", "/activities"),
        };

        var list = context.Render<ErrorList>(p => p
            .Add(x => x.Errors, errors)
            .Add(x => x.OnSelectActivity, id => selected = id)
            .AddCascadingValue(DesignerContext.Chinese));

        Assert.Equal("2", list.Find("[data-testid=error-list]").GetAttribute("data-count"));
        Assert.Equal(["unreachable-activity", "no-end-reachable"], list.FindAll(".error-item").Select(e => e.GetAttribute("data-code")));
        Assert.Contains("从开始无法到达任何“结束”。", list.Markup);
        list.Find(".error-item[data-activity=x]").Click();
        Assert.Equal("x", selected);

        var none = context.Render<ErrorList>(p => p.Add(x => x.Errors, []).AddCascadingValue(DesignerContext.Chinese));

        Assert.Contains("没有错误，可以发布。", none.Markup);
    }

    [Fact]
    public async Task InEnglish_TheValidatorsOwnWordsAreShown()
    {
        await using var context = DesignerContext.Create();
        var error = new ValidationError("dangling-outcome", "Outcome 'Pass' of 'review' leads nowhere.", "/activities/2", "review");

        var list = context.Render<ErrorList>(p => p.Add(x => x.Errors, [error]).AddCascadingValue(DesignerContext.English));

        Assert.Contains("Outcome 'Pass' of 'review' leads nowhere.", list.Markup);
    }

    private static IRenderedComponent<ActivityNodeWidget> RenderNode(BunitContext context, FlowDiagram diagram, string id) =>
        context.Render<ActivityNodeWidget>(p => p
            .Add(x => x.Node, diagram.Find(id)!)
            .AddCascadingValue(DesignerContext.Chinese)
            .AddCascadingValue((BlazorDiagram)diagram.Diagram));
}
