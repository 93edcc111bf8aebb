using System.Net.Http.Headers;
using System.Net.Http.Json;
using Approval.Engine.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approval.StatisticsBench;

/// <summary>
/// The real Engine in this process, served by Kestrel on a free loopback port (Development, so the
/// demo users exist), on the given SQLite file, with the sample catalogue. Quartz and the deadline
/// timers are off: nothing but the requests measured runs.
/// </summary>
internal sealed class EngineHost : WebApplicationFactory<Program>
{
    public const string Password = "Demo#2026";

    public EngineHost(string databasePath)
    {
        DatabasePath = databasePath;

        // The factory finds the Engine's content root through MvcTestingAppManifest.json in the current folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        UseKestrel(0);
    }

    public string DatabasePath { get; }

    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<LoginResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!.AccessToken);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Approval", $"Data Source={DatabasePath}");
        builder.UseSetting("Timers:SqlitePath", Path.ChangeExtension(DatabasePath, ".timers.db"));
        builder.UseSetting("Timers:Enabled", "false");
        builder.UseSetting("Scheduling:Enabled", "false");
        builder.UseSetting("Auth:SigningKey", "statistics-bench-signing-key-of-at-least-32-bytes!");
        builder.UseSetting("Workflows:Path", FindWorkflows());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    private static string FindWorkflows()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Approval.sln")))
            {
                return Path.Combine(dir.FullName, "workflows");
            }
        }

        throw new InvalidOperationException("Approval.sln not found above the bench's output folder.");
    }
}
