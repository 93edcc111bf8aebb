using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Testing;

/// <summary>
/// The real Engine in this process, served by Kestrel on a free loopback port (Development: demo
/// users, the sample catalogue and hall), on a SQLite file of its own in a temporary folder, for a
/// real browser to open. Shared as source by the browser tests and the designer benchmark.
/// </summary>
public class KestrelEngine : WebApplicationFactory<Program>
{
    public const string Password = "Demo#2026";

    private readonly string _name;
    private readonly Action<IWebHostBuilder>? _configure;

    /// <param name="name">Names the temporary folder and the signing key.</param>
    /// <param name="configure">More host settings, applied after the common ones.</param>
    public KestrelEngine(string name, Action<IWebHostBuilder>? configure = null)
    {
        (_name, _configure) = (name, configure);
        Folder = Directory.CreateTempSubdirectory($"approval-{name}-").FullName;

        // The factory finds the Engine's content root through MvcTestingAppManifest.json in the current folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
        Address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => a.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal))
            .First();
    }

    /// <summary>The folder above the output holding Approval.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public string Folder { get; }

    /// <summary>Where the browser goes, e.g. http://127.0.0.1:41234.</summary>
    public string Address { get; }

    /// <summary>An API client with a bearer token for <paramref name="userName"/>.</summary>
    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(Address) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Approval", $"Data Source={Path.Combine(Folder, "approval.db")}");
        builder.UseSetting("Auth:SigningKey", $"{_name}-signing-key-of-at-least-thirty-two-bytes!");
        builder.UseSetting("Workflows:Path", Path.Combine(RepositoryRoot, "workflows"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Scheduling:Enabled", "false");
        _configure?.Invoke(builder);
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
                // SQLite may still hold the file for a moment; the temp folder is cleaned eventually.
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Approval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Approval.sln not found above the output folder.");
    }
}
