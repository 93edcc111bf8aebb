using System.Text.Json;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Designer.Canvas;
using Approval.Designer.Properties;
using Approval.Designer.Services;
using Blazor.Diagrams.Core.Geometry;
using MudBlazor;
using MudBlazor.Extensions;

namespace Approval.Designer.Tests.Properties;

public sealed class PropertyPanelTests
{
    private static readonly IReadOnlyList<DepartmentOption> Departments =
    [
        new("market-regulation", "德保县市场监督管理局"),
        new("housing-construction", "德保县住房和城乡建设局"),
    ];

    [Fact]
    public async Task EveryPropertyOfTheStep_GetsAnEditorOfItsKind()
    {
        await using var context = DesignerContext.Create();

        var panel = Render(context, Node("Review"));

        Assert.Equal("role", panel.Find("[data-property=role]").GetAttribute("data-property"));
        Assert.Equal("Role", panel.Find("[data-property=role]").GetAttribute("data-kind"));
        Assert.Equal("Department", panel.Find("[data-property=department]").GetAttribute("data-kind"));
        Assert.Equal("Number", panel.Find("[data-property=limitDays]").GetAttribute("data-kind"));
        Assert.Contains("办理角色", panel.Find("[data-property=role]").TextContent);
        Assert.Contains("步骤时限（工作日）", panel.Markup);
    }

    [Fact]
    public async Task ANumber_IsWrittenAsAWholeNumber_AndHeldWithinTheActivitysLimits()
    {
        await using var context = DesignerContext.Create();
        var node = Node("Review");
        var changes = 0;

        var panel = Render(context, node, () => changes++);
        panel.Find("[data-property=limitDays] input").Change("3");

        Assert.Equal(JsonValueKind.Number, node.Properties["limitDays"].ValueKind);
        Assert.Equal(3, node.Properties["limitDays"].GetInt32());
        Assert.Equal(1, changes);

        panel.Find("[data-property=limitDays] input").Change("400");

        // LimitDays is declared 1 to 365 working days: the editor keeps to that.
        Assert.Equal(365, node.Properties["limitDays"].GetInt32());
    }

    [Fact]
    public async Task AConditionThatDoesNotParse_IsShownUnderTheConditionEditor_AndAGoodOneIsNot()
    {
        await using var context = DesignerContext.Create();
        var node = Node("Decision");

        var panel = Render(context, node);
        panel.Find("[data-property=condition] textarea").Change("([amount] > 100");

        Assert.Equal("([amount] > 100", node.Properties["condition"].GetString());
        Assert.Contains("does not parse", panel.Find("[data-property=condition] .property-error").TextContent);

        panel.Find("[data-property=condition] textarea").Change("[amount] > 100 and [applicant.type] = '企业'");

        Assert.Empty(panel.FindAll("[data-property=condition] .property-error"));
    }

    [Fact]
    public async Task ARequiredConditionLeftEmpty_IsAnError()
    {
        await using var context = DesignerContext.Create();

        var panel = Render(context, Node("Decision"));

        Assert.Contains("'condition' is required.", panel.Find("[data-property=condition]").TextContent);
    }

    [Fact]
    public async Task ChoosingARole_WritesIt_AndTheRoleShownByDefaultIsTheActivitysOwn()
    {
        await using var context = DesignerContext.Create();
        var node = Node("Review");

        var panel = Render(context, node);
        var role = panel.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "办理角色");

        Assert.Equal("DepartmentHandler", role.Instance.GetState(x => x.Value));
        await panel.InvokeAsync(() => role.Instance.ValueChanged.InvokeAsync("DepartmentHead"));

        Assert.Equal("DepartmentHead", node.Properties["role"].GetString());
    }

    [Fact]
    public async Task TheDepartmentPicker_OffersTheDepartments_AndNoneClearsTheProperty()
    {
        await using var context = DesignerContext.Create();
        var node = Node("Review", new Dictionary<string, JsonElement> { ["department"] = JsonSerializer.SerializeToElement("market-regulation") });

        var panel = Render(context, node);
        var picker = panel.FindComponents<PropertyEditor>().Single(e => e.Instance.Property.Name == "department");
        var select = picker.FindComponent<MudSelect<string>>();

        Assert.Same(Departments, picker.Instance.Departments);
        Assert.Equal("market-regulation", select.Instance.GetState(x => x.Value));
        await panel.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(""));

        Assert.False(node.Properties.ContainsKey("department"));
    }

    [Fact]
    public async Task AnIdAnotherStepHas_IsRefused_AndAFreeOneIsTaken()
    {
        await using var context = DesignerContext.Create();
        var node = Node("Review");

        var panel = Render(context, node, ids: ["start", "accept", "review"]);
        panel.Find("[data-property=id] input").Change("accept");

        Assert.Equal("review", node.ActivityId);
        Assert.Contains("编号已被其他步骤使用", panel.Find("[data-property=id]").TextContent);

        panel.Find("[data-property=id] input").Change("second-review");

        Assert.Equal("second-review", node.ActivityId);
    }

    [Fact]
    public async Task ReadOnly_NothingCanBeChanged()
    {
        await using var context = DesignerContext.Create();

        var panel = Render(context, Node("Review"), readOnly: true);

        Assert.All(panel.FindAll("input, textarea"), input => Assert.True(input.HasAttribute("readonly")));
    }

    [Fact]
    public async Task AChoice_IsLabelledInChinese_WithItsValueBeside_InTheListAndTheField()
    {
        await using var context = DesignerContext.Create();

        var end = Render(context, Node("End"));
        var escalate = Render(context, Node("Escalate"));

        var result = end.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "办结结果");
        // The items' labels render only in the open list; their content is rendered on its own here.
        var items = result.FindComponents<MudSelectItem<string>>().Where(i => i.Instance.ChildContent is not null)
            .Select(i => (i.Instance.Value, Label: context.Render(i.Instance.ChildContent!).Markup)).ToList();
        Assert.Contains(items, i => i.Value == "Approved" && i.Label.Contains("准予许可 (Approved)", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Value == "Refused" && i.Label.Contains("不予受理 (Refused)", StringComparison.Ordinal));
        Assert.Contains("value=\"红牌 (Red)\"", escalate.Markup);
        Assert.Contains("value=\"部门负责人 (DepartmentHead)\"", escalate.Markup);
        Assert.Contains("value=\"办结 (Completed)\"", end.Markup);
    }

    private static IRenderedComponent<PropertyPanel> Render(
        BunitContext context, ActivityNodeModel node, Action? changed = null, string[]? ids = null, bool readOnly = false) =>
        context.Render<PropertyPanel>(p => p
            .Add(x => x.Node, node)
            .Add(x => x.Departments, Departments)
            .Add(x => x.ReadOnly, readOnly)
            .Add(x => x.StepIds, () => ids ?? [node.ActivityId])
            .Add(x => x.OnChanged, () => changed?.Invoke())
            .AddCascadingValue(DesignerContext.Chinese));

    private static ActivityNodeModel Node(string type, Dictionary<string, JsonElement>? properties = null) =>
        new(new ActivityNode { Id = type.ToLowerInvariant(), Type = type, Properties = properties ?? [] },
            ActivityRegistry.Default.Find(type)!, new Point(0, 0));
}
