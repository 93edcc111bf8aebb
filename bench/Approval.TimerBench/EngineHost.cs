using System.Net.Http.Headers;
using System.Net.Http.Json;
using Approval.Engine.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approval.TimerBench;

/// <summary>
/// The real Engine in this process, served by Kestrel on a free loopback port (Development, so the
/// demo users exist), on fresh SQLite files: the platform's and Hangfire's own.
/// </summary>
internal sealed class EngineHost : WebApplicationFactory<Program>
{
    public const string Password = "Demo#2026";

    /// <param name="workers">Hangfire workers (<c>Timers:Workers</c>); null leaves the Engine's default.</param>
    public EngineHost(int? workers = null)
    {
        Workers = workers;
        Folder = Directory.CreateTempSubdirectory("approval-timerbench-").FullName;

        // The factory finds the Engine's content root through MvcTestingAppManifest.json in the current folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        UseKestrel(0);
    }

    public string Folder { get; }

    public int? Workers { get; }

    public string DatabasePath => Path.Combine(Folder, "approval.db");

    public string TimersPath => Path.Combine(Folder, "approval-timers.db");

    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = CreateClient();
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
        builder.UseSetting("Timers:SqlitePath", TimersPath);
        builder.UseSetting("Timers:PollSeconds", "1");
        if (Workers is { } workers)
        {
            builder.UseSetting("Timers:Workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        builder.UseSetting("Auth:SigningKey", "timer-bench-signing-key-of-at-least-thirty-two-bytes!");
        builder.UseSetting("Workflows:Path", FindWorkflows());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Catalogue:LoadSample", "false");

        // Quartz's sweep would record the warnings itself; the timers are what is measured.
        builder.UseSetting("Scheduling:Enabled", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold a file for a moment; the temp folder is cleaned eventually.
            }
        }
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
