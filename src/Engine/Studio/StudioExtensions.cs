using Approval.Designer;
using Approval.Designer.Services;
using Approval.Designer.Text;
using Approval.Engine.Access;
using Approval.Engine.Identity;
using Microsoft.AspNetCore.Authentication;

namespace Approval.Engine.Studio;

internal static class StudioExtensions
{
    /// <summary>The Blazor UI (Approval.Designer) with interactive server rendering, talking to the engine in process.</summary>
    public static WebApplicationBuilder AddStudio(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddDesigner();
        builder.Services.AddSingleton<IFlowDesigns, StudioFlows>();
        builder.Services.AddSingleton<ICaseViews, StudioCases>();
        builder.Services.AddSingleton<IDepartmentDesk, StudioDepartmentDesk>();
        builder.Services.AddSingleton<IWindowDesk, StudioWindowDesk>();
        return builder;
    }

    /// <summary>
    /// The UI's circuit (/_blazor) is opened by a browser, so it signs in with the browser's login
    /// cookie; everywhere else the default (bearer) scheme stays in force.
    /// </summary>
    public static WebApplication UseStudioLogin(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/_blazor"), branch => branch.Use(async (context, next) =>
        {
            var result = await context.AuthenticateAsync(BrowserLogin.Scheme);
            if (result.Succeeded)
            {
                context.User = result.Principal;
            }

            await next(context);
        }));
        return app;
    }

    /// <summary>
    /// The UI at /, for anyone signed in (a browser without the login cookie goes to /login), its
    /// static files, and /language/{zh|en} which remembers the UI's language in a cookie.
    /// </summary>
    public static WebApplication MapStudio(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapGet("/language/{language}", (string language, string? returnUrl, HttpContext context) =>
        {
            context.Response.Cookies.Append(UiText.Cookie, language == UiText.English ? UiText.English : UiText.Chinese, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
            return Results.LocalRedirect(returnUrl is ['/', not '/' and not '\\', ..] ? returnUrl : "/");
        }).ExcludeFromDescription().AllowAnonymous();
        // A case's scans, opened from the desks with the login cookie; the API's own rule decides who may (MaterialsApi).
        app.MapGet("/studio/cases/{id:guid}/materials/{sha256}", Materials.MaterialsApi.DownloadAsync)
            .RequireAuthorization(Policies.Studio.Use).ExcludeFromDescription();
        app.MapGet("/studio/cases/{id:guid}/notices/{noticeId:guid}", Notices.NoticesApi.DownloadAsync)
            .RequireAuthorization(Policies.Studio.Use).ExcludeFromDescription();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(Policies.Studio.Use);
        return app;
    }
}
