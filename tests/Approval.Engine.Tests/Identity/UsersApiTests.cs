using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Identity;
using Approval.Engine.Tests.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Identity;

/// <summary>The centre's accounts kept through /api/users: one role each, every change audited, the last administrator kept.</summary>
public sealed class UsersApiTests : IAsyncLifetime
{
    private const string Initial = "Start#2026a";

    private readonly ApprovalHost _host = new(settings: new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" });
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _host.LoginAsync("admin");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnAdministrator_MakesAnAccount_ThatIsListed_AndLogsIn_WithItsOneRole()
    {
        var created = await _admin.PostAsJsonAsync("/api/users", new
        {
            userName = "handler3", displayName = "市场监管局经办人三", role = "DepartmentHandler", department = "market-regulation", password = Initial,
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/users/handler3", created.Headers.Location!.OriginalString);
        var listed = (await _admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Single(u => u.Str("userName") == "handler3");
        Assert.Equal("市场监管局经办人三", listed.Str("displayName"));
        Assert.Equal(["DepartmentHandler"], Roles(listed));
        Assert.Equal("market-regulation", listed.Str("department"));
        Assert.True(Absent(listed, "window"));
        Assert.True(Absent(listed, "lockedOutUntil"));
        Assert.True(listed.GetProperty("enabled").GetBoolean());
        Assert.Equal(["Administrator"], Roles(await _admin.GetFromJsonAsync<JsonElement>("/api/users/admin")));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("handler3", Initial)).StatusCode);

        var entry = (await (await _host.LoginAsync("supervisor1")).EntriesAsync("&action=user.created&actor=admin")).Single();
        Assert.Equal(["Administrator"], entry.RolesOf());
        Assert.Equal(["DepartmentHandler"], entry.Details().GetProperty("account").GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        Assert.DoesNotContain(Initial, entry.GetRawText(), StringComparison.Ordinal);
    }

    public static TheoryData<string, object> InvalidAccounts => new()
    {
        { "userName", new { role = "Supervisor", password = Initial } },
        { "userName", new { userName = new string('a', 65), role = "Supervisor", password = Initial } },
        { "userName", new { userName = "张三 ", role = "Supervisor", password = Initial } },
        { "role", new { userName = "someone", password = Initial } },
        { "role", new { userName = "someone", role = "Superuser", password = Initial } },
        { "role", new { userName = "someone", role = "Administrator,Supervisor", password = Initial } },
        { "department", new { userName = "someone", role = "DepartmentHead", password = Initial } },
        { "department", new { userName = "someone", role = "Supervisor", department = "market-regulation", password = Initial } },
        { "department", new { userName = "someone", role = "DepartmentHead", department = new string('d', 65), password = Initial } },
        { "window", new { userName = "someone", role = "WindowStaff", window = "W99", password = Initial } },
        { "window", new { userName = "someone", role = "Supervisor", window = "W01", password = Initial } },
        { "window", new { userName = "someone", role = "WindowStaff", window = new string('W', 17), password = Initial } },
        { "displayName", new { userName = "someone", role = "Supervisor", displayName = new string('名', 101), password = Initial } },
        { "password", new { userName = "someone", role = "Supervisor" } },
        { "password", new { userName = "someone", role = "Supervisor", password = "weakpassword" } },
        { "password", new { userName = "someone", role = "Supervisor", password = "Aa#1" + new string('x', 125) } },
    };

    [Theory]
    [MemberData(nameof(InvalidAccounts))]
    public async Task AnInvalidAccount_IsRefused_NamingTheField_AndNothingIsMade(string field, object body)
    {
        var response = await _admin.PostAsJsonAsync("/api/users", body);

        await AssertInvalidAsync(response, field);
        Assert.DoesNotContain((await _admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray(), u => u.Str("userName") == "someone");
    }

    [Fact]
    public async Task ADuplicateName_IsAConflict()
    {
        var response = await _admin.PostAsJsonAsync("/api/users", new { userName = "handler1", role = "Supervisor", password = Initial });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["DepartmentHandler"], Roles(await _admin.GetFromJsonAsync<JsonElement>("/api/users/handler1")));
    }

    [Fact]
    public async Task UnknownUsers_AreNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/users/nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PutAsJsonAsync("/api/users/nobody", new { role = "Supervisor" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostAsJsonAsync("/api/users/nobody/password", new { password = Initial })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostAsync("/api/users/nobody/lock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostAsync("/api/users/nobody/unlock", null)).StatusCode);
    }

    [Fact]
    public async Task ARoleChange_ReplacesTheRole_IsAudited_AndCountsFromTheNextLogin()
    {
        var response = await _admin.PutAsJsonAsync("/api/users/window2", new { displayName = "电子监察室二", role = "Supervisor" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var account = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Supervisor"], Roles(account));
        Assert.True(Absent(account, "window"));
        var relogged = await _host.LoginAsync("window2");
        Assert.Equal(HttpStatusCode.OK, (await relogged.GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await relogged.PostAsJsonAsync("/api/cases", new { definitionId = "standard-licence" })).StatusCode);

        var entry = (await relogged.EntriesAsync("&action=user.updated")).Single();
        var details = entry.Details();
        Assert.Equal(["WindowStaff"], details.GetProperty("old").GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        Assert.Equal("W02", details.GetProperty("old").Str("window"));
        Assert.Equal(["Supervisor"], details.GetProperty("new").GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        Assert.Equal("电子监察室二", details.GetProperty("new").Str("displayName"));
    }

    public static TheoryData<string, object> InvalidUpdates => new()
    {
        { "role", new { displayName = "x" } },
        { "role", new { role = "Root" } },
        { "department", new { role = "DepartmentHandler" } },
        { "window", new { role = "WindowStaff", window = "W99" } },
        { "displayName", new { role = "WindowStaff", displayName = new string('名', 101) } },
    };

    [Theory]
    [MemberData(nameof(InvalidUpdates))]
    public async Task AnInvalidUpdate_IsRefused_NamingTheField_AndChangesNothing(string field, object body)
    {
        await AssertInvalidAsync(await _admin.PutAsJsonAsync("/api/users/window1", body), field);

        var account = await _admin.GetFromJsonAsync<JsonElement>("/api/users/window1");
        Assert.Equal(["WindowStaff"], Roles(account));
        Assert.Equal("W01", account.Str("window"));
        Assert.Equal("综合窗口一号", account.Str("displayName"));
    }

    [Fact]
    public async Task TheLastAdministrator_CannotBeDemotedOrLocked_ButOneOfTwoCan()
    {
        var demote = await _admin.PutAsJsonAsync("/api/users/admin", new { role = "Supervisor" });
        var lockSelf = await _admin.PostAsync("/api/users/admin/lock", null);

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Contains("last enabled administrator", await demote.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, lockSelf.StatusCode);
        Assert.Equal(["Administrator"], Roles(await _admin.GetFromJsonAsync<JsonElement>("/api/users/admin")));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("admin", ApprovalHost.Password)).StatusCode);

        // A second administrator who is locked does not count.
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/users", new { userName = "admin2", role = "Administrator", password = Initial })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync("/api/users/admin2/lock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PutAsJsonAsync("/api/users/admin", new { role = "Supervisor" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync("/api/users/admin2/unlock", null)).StatusCode);
        var demoted = await _admin.PutAsJsonAsync("/api/users/admin", new { role = "Supervisor" });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal(["Supervisor"], Roles(await demoted.Content.ReadFromJsonAsync<JsonElement>()));
        var admin2 = await LoginClientAsync("admin2", Initial);
        Assert.Equal(HttpStatusCode.Conflict, (await admin2.PostAsync("/api/users/admin2/lock", null)).StatusCode);
    }

    [Fact]
    public async Task ANewPassword_ReplacesTheOld_ChangesTheSecurityStamp_AndIsAuditedWithoutIt()
    {
        var before = await StampAsync("handler1");

        var weak = await _admin.PostAsJsonAsync("/api/users/handler1/password", new { password = "short" });
        var set = await _admin.PostAsJsonAsync("/api/users/handler1/password", new { password = "Fresh#2026b" });

        await AssertInvalidAsync(weak, "password");
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.NotEqual(before, await StampAsync("handler1"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("handler1", ApprovalHost.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("handler1", "Fresh#2026b")).StatusCode);
        var entry = (await (await _host.LoginAsync("supervisor1")).EntriesAsync("&action=user.password-set")).Single();
        Assert.Equal("handler1", entry.Details().Str("userName"));
        Assert.DoesNotContain("Fresh#2026b", entry.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", entry.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ALockedUser_CannotLogIn_UntilUnlocked_AndBothAreAudited()
    {
        var locked = await _admin.PostAsync("/api/users/head2/lock", null);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.False((await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("head2", ApprovalHost.Password)).StatusCode);

        var unlocked = await _admin.PostAsync("/api/users/head2/unlock", null);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.True((await unlocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("head2", ApprovalHost.Password)).StatusCode);

        var supervisor = await _host.LoginAsync("supervisor1");
        Assert.Equal("head2", (await supervisor.EntriesAsync("&action=user.locked")).Single().Details().Str("userName"));
        Assert.Equal("head2", (await supervisor.EntriesAsync("&action=user.unlocked")).Single().Details().Str("userName"));
    }

    private static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), text);
    }

    // The API leaves null fields out.
    private static bool Absent(JsonElement element, string property) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null;

    private static string[] Roles(JsonElement account) => [.. account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];

    private Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        _host.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password });

    private async Task<HttpClient> LoginClientAsync(string userName, string password)
    {
        var client = _host.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { userName, password })).Content.ReadFromJsonAsync<LoginResponse>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", login!.AccessToken);
        return client;
    }

    private async Task<string?> StampAsync(string userName)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName))!.SecurityStamp;
    }
}
