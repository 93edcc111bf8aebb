using System.Net.Http.Headers;
using System.Net.Http.Json;
using Approval.Engine.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Engine.Tests;

/// <summary>
/// The real Engine over HTTP on a SQLite file of its own (Development, so the demo users exist).
/// Two hosts given the same <see cref="DatabasePath"/> are two nodes on one database.
/// </summary>
public sealed class ApprovalHost : WebApplicationFactory<Program>
{
    public const string Password = "Demo#2026";
    private const string SigningKey = "test-signing-key-of-at-least-thirty-two-bytes!";

    public ApprovalHost(
        string? databasePath = null, string environment = "Development", IDictionary<string, string?>? settings = null,
        DateTimeOffset? start = null)
    {
        Environment = environment;
        Settings = settings ?? new Dictionary<string, string?>();
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"approval-test-{Guid.NewGuid():N}.db");
        Clock = new FakeTimeProvider(start ?? TimeProvider.System.GetUtcNow());
    }

    public string DatabasePath { get; }

    /// <summary>Where uploaded material files are kept, beside the database.</summary>
    public string MaterialsPath => DatabasePath + ".materials";

    public string Environment { get; }

    public IDictionary<string, string?> Settings { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>More test services (stubs, recorders), added after the Engine's own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Keep Hangfire on its configured SQLite files (beside the database) instead of in memory.</summary>
    public bool PersistentTimers { get; init; }

    public static string WorkflowsFolder { get; } = FindWorkflows();

    private readonly Dictionary<string, string> _items = [];
    private readonly SemaphoreSlim _itemsLock = new(1, 1);
    private HttpClient? _admin;

    /// <summary>The host a client logged in to, so helpers can set up what a test needs.</summary>
    internal static System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, ApprovalHost> Hosts { get; } = [];

    /// <summary>A catalogue item in force that runs <paramref name="definitionId"/>, made by the administrator on first use.</summary>
    public async Task<string> ItemForAsync(string definitionId, string department = "market-regulation")
    {
        var code = $"T-{definitionId}-{department}";
        await _itemsLock.WaitAsync();
        try
        {
            if (_items.TryAdd(code, code))
            {
                _admin ??= await LoginAsync("admin");
                var response = await _admin.PostAsJsonAsync("/api/catalogue/items", new
                {
                    code,
                    name = $"测试事项（{definitionId}）",
                    itemType = "01",
                    department,
                    departmentName = department,
                    statutoryLimit = 20,
                    promisedLimit = 10,
                    caseKind = "Promised",
                    definitionId,
                });
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                await GrantToWindowsOfAsync(_admin, code, department);
            }

            return code;
        }
        finally
        {
            _itemsLock.Release();
        }
    }

    /// <summary>Every window that serves <paramref name="department"/> may accept the item, as a centre would grant a new item.</summary>
    public static async Task GrantToWindowsOfAsync(HttpClient admin, string itemCode, string department, bool onTheSpot = false)
    {
        var windows = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/windows");
        foreach (var window in windows.EnumerateArray().Where(w => w.GetProperty("departments").EnumerateArray()
            .Any(d => d.GetProperty("department").GetString() == department)))
        {
            var response = await admin.PutAsJsonAsync(
                $"/api/windows/{window.GetProperty("number").GetString()}/grants/{itemCode}", new { mayAccept = true, mayDecideOnTheSpot = onTheSpot });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = CreateClient();
        Hosts.AddOrUpdate(client, this);
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<LoginResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!.AccessToken);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Approval", $"Data Source={DatabasePath}");
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Workflows:Path", WorkflowsFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Tests make the items they need; SampleCatalogueTests loads the shipped sample.
        builder.UseSetting("Catalogue:LoadSample", "false");
        builder.UseSetting("Timers:PollSeconds", "1");
        builder.UseSetting("Materials:Path", MaterialsPath);

        // Tests log in far more often than a person; RateLimitingTests sets its own limit.
        builder.UseSetting("RateLimiting:Login:PermitLimit", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);

            // Every host seeds eight demo users; full-strength hashing would dominate the test run.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000);
            if (!PersistentTimers)
            {
                services.AddSingleton<Hangfire.JobStorage>(new Hangfire.InMemory.InMemoryStorage());
            }

            TestServices?.Invoke(services);
        });
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

        throw new InvalidOperationException("Approval.sln not found above the test output folder.");
    }
}
