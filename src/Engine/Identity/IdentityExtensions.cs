using System.Security.Cryptography;
using System.Text;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;

namespace Approval.Engine.Identity;

internal static class IdentityExtensions
{
    /// <summary>
    /// ASP.NET Core Identity on the platform database, bearer tokens signed with Auth:SigningKey for
    /// the API, and a login cookie for the pages a browser opens.
    /// </summary>
    public static WebApplicationBuilder AddPlatformIdentity(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        options.SigningKey = SigningKey(options.SigningKey, builder.Environment);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<TokenService>();

        builder.Services
            .AddIdentityCore<ApplicationUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddUserManager<PlatformUserManager>()
            .AddEntityFrameworkStores<ApprovalDbContext>()
            .AddSignInManager();

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey)),
                    NameClaimType = "name",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            })
            .AddBrowserLogin(options);
        // Token lifetimes are judged by the platform's clock too, so tests that move time keep their logins.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((o, clock) => o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore <= now + parameters.ClockSkew)
                    && (expires is null || expires > now - parameters.ClockSkew);
            });
        builder.Services.AddLoginRateLimit(builder.Configuration);
        builder.Services.AddScoped<DemoUsers>();
        builder.Services.AddScoped<AccountRules>();
        builder.Services.AddScoped<AccountViews>();
        builder.Services.AddScoped<CreateUser>();
        builder.Services.AddScoped<UpdateUser>();
        builder.Services.AddScoped<SetPassword>();
        builder.Services.AddScoped<LockUser>();
        return builder;
    }

    // Outside Development a key must be configured; in Development one is made per run when none is.
    private static string SigningKey(string? configured, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (Encoding.UTF8.GetByteCount(configured) < 32)
            {
                throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes long.");
            }

            return configured;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Auth:SigningKey is not configured. Set it in the environment (Auth__SigningKey), never in the repository.");
        }

        return Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    }
}
