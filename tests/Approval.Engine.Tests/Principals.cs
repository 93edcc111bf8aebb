using System.Security.Claims;
using Approval.Engine.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests;

/// <summary>The demo users as a use case sees its caller: the claims their sign-in carries, with no request around them.</summary>
internal static class Principals
{
    public static async Task<ClaimsPrincipal> PrincipalAsync(this ApprovalHost host, string userName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"There is no demo user '{userName}'.");
        return new ClaimsPrincipal(new ClaimsIdentity(TokenService.For(user, await users.GetRolesAsync(user)), "test", "name", "role"));
    }

    /// <summary>Runs <paramref name="run"/> with a use case resolved in a scope of its own, as a request or a UI call would.</summary>
    public static async Task<TResult> RunAsync<TUseCase, TResult>(this ApprovalHost host, Func<TUseCase, Task<TResult>> run)
        where TUseCase : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }
}
