using System.Security.Claims;
using Approval.Engine.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests;

/// <summary>Runs a use case as the UI does: in a scope of its own, as a signed-in user's principal, with no request.</summary>
internal static class UseCaseHost
{
    /// <summary>The principal a sign-in gives <paramref name="userName"/>: the token's claims.</summary>
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
