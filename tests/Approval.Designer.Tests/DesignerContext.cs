using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Designer.Text;
using Blazor.Diagrams.Core.Geometry;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Approval.Designer.Tests;

/// <summary>A bUnit context as the designer runs: interactive server rendering, MudBlazor, the diagram's JavaScript answered.</summary>
internal static class DesignerContext
{
    /// <summary>The context, with <paramref name="services"/> (a page's own, such as stubs of the platform) added before anything is rendered.</summary>
    public static BunitContext Create(Action<IServiceCollection>? services = null)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddSingleton(ActivityRegistry.Default);
        services?.Invoke(context.Services);
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.JSInterop.Mode = JSRuntimeMode.Loose;

        // Ports measure themselves in the browser; here every element is a 12 px square.
        context.JSInterop.Setup<Rectangle>(i => i.Identifier.EndsWith("getBoundingClientRect", StringComparison.Ordinal))
            .SetResult(new Rectangle(0, 0, 12, 12));
        return context;
    }

    public static UiText Chinese { get; } = new(UiText.Chinese);

    public static UiText English { get; } = new(UiText.English);

    public static WorkflowDefinition Shipped(string name) =>
        WorkflowJson.Deserialize(File.ReadAllText(Path.Combine(Workflows, name + ".json")));

    public static IEnumerable<string> ShippedNames =>
        Directory.EnumerateFiles(Workflows, "*.json").Select(Path.GetFileNameWithoutExtension).Order()!;

    private static string Workflows { get; } = FindWorkflows();

    private static string FindWorkflows()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Approval.sln")))
            {
                return Path.Combine(dir.FullName, "workflows");
            }
        }

        throw new InvalidOperationException("Approval.sln not found above the test output folder.");
    }
}
