using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Approval.Engine.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Engine.Identity;

/// <summary>
/// Signing in from a browser: a login page that sets an HTTP-only cookie holding the same claims
/// as an access token. Only pages meant for a browser (the timers dashboard) accept the cookie,
/// through <see cref="Scheme"/>; the API takes bearer tokens only, so a cookie can never be used
/// to post to it from another site.
/// </summary>
internal static class BrowserLogin
{
    /// <summary>The login cookie itself.</summary>
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>For browser pages: a bearer token when the request carries one, otherwise the login cookie.</summary>
    public const string Scheme = "Browser";

    public const string LoginPath = "/login";

    public static AuthenticationBuilder AddBrowserLogin(this AuthenticationBuilder builder, AuthOptions options)
    {
        builder
            .AddCookie(CookieScheme, o =>
            {
                o.LoginPath = LoginPath;
                o.LogoutPath = "/logout";
                o.Cookie.Name = "approval.login";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(options.TokenLifetimeMinutes);
                o.SlidingExpiration = false;
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddPolicyScheme(Scheme, "Bearer token or login cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieScheme);

        // The cookie's expiry is judged by the platform's clock, like the tokens'.
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        builder.Services.AddAntiforgery();
        return builder;
    }

    public static IEndpointRouteBuilder MapBrowserLogin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").ExcludeFromDescription().AllowAnonymous();
        group.MapGet(LoginPath, (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            Page(context, antiforgery, LocalOrRoot(returnUrl), null, StatusCodes.Status200OK));
        group.MapPost(LoginPath, SignInAsync).RequireRateLimiting(LoginRateLimit.Policy);
        group.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieScheme);
            return Results.Redirect(LoginPath);
        });
        return app;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, IAntiforgery antiforgery, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
        AuditLog audit, [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var target = LocalOrRoot(returnUrl);
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || userName.Length > 256 || password.Length > 256)
        {
            return Page(context, antiforgery, target, "请输入用户名和密码。", StatusCodes.Status400BadRequest);
        }

        var user = await users.FindByNameAsync(userName);
        var result = user is null ? null : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        var roles = user is null || result?.Succeeded != true ? null : await users.GetRolesAsync(user);
        await audit.RecordLoginAsync("browser", userName, user, result, roles, context.RequestAborted);
        if (user is null || result is null || !result.Succeeded)
        {
            var message = result?.IsLockedOut == true ? "尝试次数过多，账号已暂时锁定。" : "用户名或密码错误。";
            return Page(context, antiforgery, target, message, StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(TokenService.For(user, roles!), CookieScheme, "name", "role");
        await context.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(target);
    }

    // Only a path on this site: never an absolute or protocol-relative address another site could plant.
    private static string LocalOrRoot(string? returnUrl) =>
        returnUrl is ['/', not '/' and not '\\', ..] || returnUrl == "/" ? returnUrl : "/";

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string returnUrl, string? message, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Create(UnicodeRanges.All);
        var error = message is null ? "" : $"""<p role="alert" class="error">{html.Encode(message)}</p>""";
        return Results.Content($$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>登录 · Approval</title>
            <style>
              body { font-family: system-ui, sans-serif; display: grid; place-items: center; min-height: 90vh; margin: 0; background: #f4f6f8; }
              form { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; display: grid; gap: .8rem; width: 18rem; }
              input, button { font: inherit; padding: .5rem; } .error { color: #b00020; margin: 0; }
            </style>
            </head>
            <body>
            <form method="post" action="{{LoginPath}}">
              <h1>政务服务审批平台</h1>
              {{error}}
              <label>用户名 <input name="userName" autocomplete="username" required maxlength="256"></label>
              <label>密码 <input name="password" type="password" autocomplete="current-password" required maxlength="256"></label>
              <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl)}}">
              <input type="hidden" name="{{tokens.FormFieldName}}" value="{{html.Encode(tokens.RequestToken!)}}">
              <button type="submit">登录</button>
            </form>
            </body>
            </html>
            """, "text/html; charset=utf-8", statusCode: status);
    }
}
