using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.DesignerBench;

/// <summary>The real Engine in this process, served by Kestrel on a free loopback port (Development), on fresh SQLite files.</summary>
internal sealed class EngineHost : WebApplicationFactory<Program>
{
    public const string Password = "Demo#2026";

    public EngineHost()
    {
        Folder = Directory.CreateTempSubdirectory("approval-designerbench-").FullName;

        // The factory finds the Engine's content root through MvcTestingAppManifest.json in the current folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
        Address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => a.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal))
            .First();
    }

    public string Folder { get; }

    public string Address { get; }

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
        builder.UseSetting("Auth:SigningKey", "designer-bench-signing-key-of-at-least-thirty-two-bytes!");
        builder.UseSetting("Workflows:Path", FindWorkflows());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
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

        throw new InvalidOperationException("Approval.sln not found above the benchmark's output folder.");
    }
}
