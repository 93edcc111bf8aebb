using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Identity;
using Approval.Engine.Tests.Audit;

namespace Approval.Engine.Tests.Identity;

/// <summary>
/// <c>create-user</c>, the way the first accounts of a database without demo users are made: in a
/// Production host (no demo users), and once as the operator runs it, a process of its own.
/// </summary>
public sealed class CreateUserCommandLineTests : IAsyncLifetime
{
    private const string Strong = "Root#Pass2026";

    private readonly ApprovalHost _host = new(environment: "Production", settings: new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheCommand_MakesAnAccount_ThatLogsInWithItsRole_AndIsAuditedAsTheSystem_WithoutThePassword()
    {
        var (code, _, error) = await RunAsync(["create-user", "--name", "root", "--role", "Administrator", "--display-name", "中心管理员"], Strong);
        Assert.True(code == 0, error);
        Assert.Equal(0, (await RunAsync(["create-user", "--name", "auditor", "--role", "Supervisor"], "Audit#Pass2026")).Code);

        var root = await LoginAsync("root", Strong);
        var account = await root.GetFromJsonAsync<JsonElement>("/api/users/root");
        Assert.Equal(["Administrator"], account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("中心管理员", account.GetProperty("displayName").GetString());
        Assert.True(account.GetProperty("enabled").GetBoolean());

        var auditor = await LoginAsync("auditor", "Audit#Pass2026");
        var created = (await auditor.EntriesAsync("&action=user.created")).Single(e => e.Details().GetProperty("account").GetProperty("userName").GetString() == "root");
        Assert.Equal("system", created.GetProperty("actorName").GetString());
        Assert.Equal(["Administrator"], created.Details().GetProperty("account").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(Strong, created.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--password", "Root#Pass2026")]
    [InlineData("--password=Root#Pass2026")]
    [InlineData("-p", "Root#Pass2026")]
    public void APasswordOnTheCommandLine_IsRefused(params string[] password)
    {
        var command = CreateUserCommandLine.From(["create-user", "--name", "root", "--role", "Administrator", .. password], out var error);

        Assert.Null(command);
        Assert.Contains("no password on the command line", error);
        Assert.Contains(CreateUserCommandLine.PasswordVariable, error);
    }

    [Theory]
    [InlineData("create-user --role Administrator", "--name and --role are required")]
    [InlineData("create-user --name root --role", "--role needs a value")]
    [InlineData("create-user --name root --role Administrator --colour blue", "unknown argument '--colour'")]
    public void IncompleteOrUnknownArguments_SayWhatIsWrong(string line, string message)
    {
        Assert.Null(CreateUserCommandLine.From(line.Split(' '), out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task AWeakPassword_IsRefused_AndNoAccountIsMade()
    {
        var (code, _, error) = await RunAsync(["create-user", "--name", "root", "--role", "Administrator"], "short");

        Assert.Equal(1, code);
        Assert.Contains("password:", error);
        Assert.Contains("at least 8 characters", error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "root", password = "short" })).StatusCode);
    }

    [Fact]
    public async Task ADuplicateName_IsRefused_AndTheFirstPasswordStays()
    {
        Assert.Equal(0, (await RunAsync(["create-user", "--name", "root", "--role", "Administrator"], Strong)).Code);

        var (code, _, error) = await RunAsync(["create-user", "--name", "root", "--role", "Supervisor"], "Other#Pass2026");

        Assert.Equal(1, code);
        Assert.Contains("already exists", error);
        await LoginAsync("root", Strong);
    }

    [Theory]
    [InlineData("--role Nobody", "role: 'Nobody' is not a role")]
    [InlineData("--role DepartmentHandler", "department: A DepartmentHandler works in a department")]
    [InlineData("--role WindowStaff --window W99", "window: There is no window 'W99'")]
    public async Task AnInvalidAccount_IsRefused_NamingTheField(string options, string message)
    {
        var (code, _, error) = await RunAsync(["create-user", "--name", "someone", .. options.Split(' ')], Strong);

        Assert.Equal(1, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task NoPassword_IsRefused()
    {
        var (code, _, error) = await RunAsync(["create-user", "--name", "root", "--role", "Administrator"], "");

        Assert.Equal(1, code);
        Assert.Contains(CreateUserCommandLine.PasswordVariable, error);
    }

    // As the operator runs it: the built Engine, Production, the password on standard input.
    [Fact]
    public async Task TheEngineProcess_MakesTheFirstAdministrator_WithThePasswordFromStandardInput()
    {
        var database = Path.Combine(Path.GetTempPath(), $"approval-create-user-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(Path.GetDirectoryName(ApprovalHost.WorkflowsFolder)!, "src", "Engine"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Approval.Engine.dll"), "create-user", "--name", "root", "--role", "Administrator" },
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Approval"] = $"Data Source={database}",
                ["Auth__SigningKey"] = "a-signing-key-of-the-operator-at-least-32-bytes",
                ["Workflows__Path"] = ApprovalHost.WorkflowsFolder,
                ["Scheduling__Enabled"] = "false",
                [CreateUserCommandLine.PasswordVariable] = null,
            },
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(Strong);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(guard.Token);

        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains("User 'root' (Administrator) created.", await output);
        await using var served = new ApprovalHost(databasePath: database, environment: "Production", settings: new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" });
        var login = await served.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "root", password = Strong });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string[] args, string password)
    {
        var command = CreateUserCommandLine.From(args, out var usage);
        Assert.True(command is not null, usage);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await command.RunAsync(_host.Services, password, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<HttpClient> LoginAsync(string userName, string password)
    {
        var client = _host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var login = await response.Content.ReadFromJsonAsync<LoginResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!.AccessToken);
        return client;
    }
}
