using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Approval.Designer;

public static class DesignerExtensions
{
    /// <summary>
    /// The designer's components and MudBlazor. The host supplies <see cref="Services.IFlowDesigns"/>,
    /// <see cref="Services.ICaseViews"/> and the <see cref="Approval.Activities.Registry.ActivityRegistry"/>.
    /// </summary>
    public static IServiceCollection AddDesigner(this IServiceCollection services)
    {
        // Messages appear at the bottom, where they cover neither the toolbar nor the properties.
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft);
        services.AddCascadingAuthenticationState();
        return services;
    }
}
