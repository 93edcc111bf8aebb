using System.Text;
using Approval.Engine.UseCases;

namespace Approval.Engine.Identity;

/// <summary>
/// <c>dotnet run --project src/Engine -- create-user --name NAME --role ROLE [--department D] [--window W] [--display-name N]</c>:
/// makes one account in the configured database (migrated first, as serving does) instead of serving;
/// the first administrator of a production database is made this way. The password comes from
/// <see cref="PasswordVariable"/> or standard input, never the command line (shell history, <c>ps</c>).
/// </summary>
internal sealed class CreateUserCommandLine(UserRequest account)
{
    public const string Name = "create-user";
    public const string PasswordVariable = "APPROVAL_NEW_PASSWORD";

    public const string Usage =
        "usage: create-user --name NAME --role ROLE [--department D] [--window W] [--display-name N]\n" +
        $"  The password is read from the environment variable {PasswordVariable}, or else from standard input.";

    public UserRequest Account { get; } = account;

    /// <summary>The command when the arguments ask for it (null otherwise); an invalid one says why in <paramref name="error"/>.</summary>
    public static CreateUserCommandLine? From(string[] args, out string? error)
    {
        error = null;
        if (args.Length == 0 || args[0] != Name)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            var (option, inline) = args[i].IndexOf('=') is var eq and > 0 ? (args[i][..eq], args[i][(eq + 1)..]) : (args[i], null);
            if (option is "--password" or "-p" || option.StartsWith("--password", StringComparison.Ordinal))
            {
                error = $"create-user takes no password on the command line (it would stay in the shell's history and show in ps): set {PasswordVariable} or type it on standard input.";
                return null;
            }

            if (option is not ("--name" or "--role" or "--department" or "--window" or "--display-name"))
            {
                error = $"create-user: unknown argument '{args[i]}'.\n{Usage}";
                return null;
            }

            var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
            if (value is null)
            {
                error = $"create-user: {option} needs a value.\n{Usage}";
                return null;
            }

            values[option] = value;
        }

        if (!values.ContainsKey("--name") || !values.ContainsKey("--role"))
        {
            error = $"create-user: --name and --role are required.\n{Usage}";
            return null;
        }

        return new CreateUserCommandLine(new UserRequest(
            values["--name"], values.GetValueOrDefault("--display-name"), values["--role"],
            values.GetValueOrDefault("--department"), values.GetValueOrDefault("--window"), Password: null));
    }

    /// <summary>Quiet logging: the command's own lines are what the operator reads.</summary>
    public static void Configure(WebApplicationBuilder builder) =>
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        });

    /// <summary>Makes the account; 0 when made, 1 (said why on <paramref name="error"/>) when refused.</summary>
    public async Task<int> RunAsync(IServiceProvider services, string? password, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync($"No password: set {PasswordVariable} or type it on standard input.");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var create = scope.ServiceProvider.GetRequiredService<CreateUser>();
        var created = await create.RunAtConsoleAsync(new CreateUserCommand(Account with { Password = password }), ct);
        if (created.Value is { } user)
        {
            await output.WriteLineAsync($"User '{user.UserName}' ({Account.Role}) created.");
            return 0;
        }

        await error.WriteLineAsync($"User '{Account.UserName}' not created:");
        foreach (var message in created.Refusal is Refusal.Invalid invalid
            ? invalid.Errors.Select(e => $"{e.Field}: {e.Message}")
            : [created.Refusal!.Detail])
        {
            await error.WriteLineAsync($"  {message}");
        }

        return 1;
    }

    /// <summary>Runs with the password of the environment or standard input (not echoed at a terminal).</summary>
    public Task<int> RunAsync(WebApplication app) =>
        RunAsync(app.Services, ReadPassword(), Console.Out, Console.Error, app.Lifetime.ApplicationStopping);

    private static string? ReadPassword()
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        Console.Error.Write("Password: ");
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
            {
                typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
