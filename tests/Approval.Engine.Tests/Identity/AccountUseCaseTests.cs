using Approval.Engine.Audit;
using Approval.Engine.Identity;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Identity;

/// <summary>The account use cases called as the UI calls them: administrators only, checked first; each refusal typed, nothing written.</summary>
public sealed class AccountUseCaseTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();

    public Task InitializeAsync() => _host.CreateClient().GetAsync("/health");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("supervisor1")]
    [InlineData("head1")]
    [InlineData("applicant1")]
    public async Task CreateUser_IsForbidden_ToAllButAdministrators_AndMakesNoAccount(string caller)
    {
        var user = await _host.PrincipalAsync(caller);

        var result = await _host.RunAsync((CreateUser create) =>
            create.RunAsync(new(new UserRequest("uc-user", null, "Supervisor", null, null, "Strong#2026")), user, default));

        Assert.IsType<Refusal.Forbidden>(result.Refusal);
        Assert.False(await InDatabaseAsync(db => db.Users.AnyAsync(u => u.UserName == "uc-user")));
    }

    [Fact]
    public async Task LockUser_IsForbidden_BeforeTheAccountIsLookedFor()
    {
        var user = await _host.PrincipalAsync("supervisor1");

        var result = await _host.RunAsync((LockUser lockUser) => lockUser.RunAsync(new("no-such-user", true), user, default));

        Assert.IsType<Refusal.Forbidden>(result.Refusal);
    }

    [Fact]
    public async Task CreateUser_ReturnsInvalid_NamingEveryField()
    {
        var admin = await _host.PrincipalAsync("admin");

        var result = await _host.RunAsync((CreateUser create) =>
            create.RunAsync(new(new UserRequest("bad name", null, "Handler", "market-regulation", "W01", "")), admin, default));

        var invalid = Assert.IsType<Refusal.Invalid>(result.Refusal);
        Assert.Equal(["department", "password", "role", "userName", "window"], invalid.Errors.Select(e => e.Field).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateUser_ReturnsConflict_ForANameThatIsTaken()
    {
        var admin = await _host.PrincipalAsync("admin");

        var result = await _host.RunAsync((CreateUser create) =>
            create.RunAsync(new(new UserRequest("head1", null, "Supervisor", null, null, "Strong#2026")), admin, default));

        Assert.IsType<Refusal.Conflict>(result.Refusal);
    }

    [Fact]
    public async Task UpdateUser_AndSetPassword_ReturnNotFound_ForAnAccountThatIsNotThere()
    {
        var admin = await _host.PrincipalAsync("admin");

        var updated = await _host.RunAsync((UpdateUser update) =>
            update.RunAsync(new("no-such-user", new UserUpdate(null, "Supervisor", null, null)), admin, default));
        var password = await _host.RunAsync((SetPassword set) => set.RunAsync(new("no-such-user", "Strong#2026"), admin, default));

        Assert.IsType<Refusal.NotFound>(updated.Refusal);
        Assert.IsType<Refusal.NotFound>(password.Refusal);
    }

    [Fact]
    public async Task LockUser_ReturnsConflict_ForTheLastEnabledAdministrator_AndLeavesItEnabled()
    {
        var admin = await _host.PrincipalAsync("admin");

        var result = await _host.RunAsync((LockUser lockUser) => lockUser.RunAsync(new("admin", true), admin, default));

        Assert.IsType<Refusal.Conflict>(result.Refusal);
        Assert.False(await InDatabaseAsync(db => db.Users.AnyAsync(u => u.UserName == "admin" && u.LockoutEnd != null)));
    }

    [Fact]
    public async Task CreateUser_MakesTheAccount_ForAnAdministrator_AndRecordsWhoMadeIt_WithoutARequest()
    {
        var admin = await _host.PrincipalAsync("admin");

        var result = await _host.RunAsync((CreateUser create) =>
            create.RunAsync(new(new UserRequest("uc-user", "用例", "Supervisor", null, null, "Strong#2026")), admin, default));

        Assert.True(result.Succeeded, result.Refusal?.Detail);
        Assert.Equal(["Supervisor"], result.Value!.Roles);
        var entry = await InDatabaseAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Action == AuditActions.UserCreated && e.Details.Contains("uc-user")));
        Assert.Equal("admin", entry.ActorName);
    }

    private async Task<T> InDatabaseAsync<T>(Func<ApprovalDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ApprovalDbContext>());
    }
}
