using Approval.Activities.Contract;
using Approval.Activities.Registry;
using PaletteComponent = Approval.Designer.Palette.Palette;

namespace Approval.Designer.Tests.Palette;

public sealed class PaletteTests
{
    private static readonly IReadOnlyList<ActivityDescriptor> Descriptors = ActivityRegistry.Default.Descriptors;

    [Fact]
    public async Task EveryActivity_IsOffered_UnderItsCategory_WithItsChineseNameAndDescription()
    {
        await using var context = DesignerContext.Create();

        var palette = context.Render<PaletteComponent>(p => p
            .Add(x => x.Descriptors, Descriptors)
            .AddCascadingValue(DesignerContext.Chinese));

        foreach (var descriptor in Descriptors)
        {
            var item = palette.Find($".palette-group[data-category='{descriptor.Category}'] .palette-item[data-type='{descriptor.Type}']");
            Assert.Equal(descriptor.DisplayName, item.QuerySelector(".palette-name")!.TextContent);
            Assert.Contains(descriptor.Description, item.QuerySelector(".palette-description")!.TextContent);
            Assert.Equal("true", item.GetAttribute("draggable"));
        }

        Assert.Equal(
            Descriptors.Select(d => d.Category).Distinct(),
            palette.FindAll(".palette-category").Select(h => h.TextContent));
        Assert.Equal("审核", palette.Find(".palette-item[data-type='Review'] .palette-name").TextContent);
        Assert.Contains(ActivityCategories.Approval, palette.Markup);
    }

    [Fact]
    public async Task InEnglish_TheNamesAndCategoriesAreEnglish()
    {
        await using var context = DesignerContext.Create();

        var palette = context.Render<PaletteComponent>(p => p
            .Add(x => x.Descriptors, Descriptors)
            .AddCascadingValue(DesignerContext.English));

        Assert.Equal("Review", palette.Find(".palette-item[data-type='Review'] .palette-name").TextContent);
        Assert.Contains("Approval steps", palette.FindAll(".palette-category").Select(h => h.TextContent));
    }

    [Fact]
    public async Task ClickingAnActivity_PicksIt_AndDraggingAnnouncesIt()
    {
        await using var context = DesignerContext.Create();
        ActivityDescriptor? picked = null, dragged = null;

        var palette = context.Render<PaletteComponent>(p => p
            .Add(x => x.Descriptors, Descriptors)
            .Add(x => x.OnPick, d => picked = d)
            .Add(x => x.OnDragStart, d => dragged = d)
            .AddCascadingValue(DesignerContext.Chinese));
        palette.Find(".palette-item[data-type='Decide']").Click();
        palette.Find(".palette-item[data-type='Fork']").DragStart();

        Assert.Equal("Decide", picked?.Type);
        Assert.Equal("Fork", dragged?.Type);
    }

    [Fact]
    public async Task ADisabledPalette_PicksNothing()
    {
        await using var context = DesignerContext.Create();
        ActivityDescriptor? picked = null;

        var palette = context.Render<PaletteComponent>(p => p
            .Add(x => x.Descriptors, Descriptors)
            .Add(x => x.Disabled, true)
            .Add(x => x.OnPick, d => picked = d)
            .AddCascadingValue(DesignerContext.Chinese));
        palette.Find(".palette-item[data-type='Decide']").Click();

        Assert.Null(picked);
        Assert.Equal("false", palette.Find(".palette-item[data-type='Decide']").GetAttribute("draggable"));
    }
}
