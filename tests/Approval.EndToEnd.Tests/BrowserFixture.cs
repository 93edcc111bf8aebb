using Approval.Testing;
using Microsoft.Playwright;

namespace Approval.EndToEnd.Tests;

/// <summary>One Engine and one headless Chromium (Debian's, /usr/bin/chromium) shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public EngineServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots are kept under artifacts/e2e at the repository's root.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(KestrelEngine.RepositoryRoot, "artifacts", "e2e")).FullName;

    public async Task InitializeAsync()
    {
        Server = new EngineServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
    }

    /// <summary>A new browser page, signed in through the login page as <paramref name="userName"/>.</summary>
    public async Task<IPage> SignInAsync(string userName, string returnPath = "/")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(returnPath);
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", KestrelEngine.Password);
        await page.ClickAsync("button[type=submit]");
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    /// <summary>Takes a screenshot when disposed without <see cref="Passed"/> having been called: what the page showed when a step failed.</summary>
    public static FailureShot ScreenshotOnFailure(IPage page, string name) => new(page, name);

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

public sealed class FailureShot(IPage page, string name) : IAsyncDisposable
{
    private bool _passed;

    public void Passed() => _passed = true;

    public async ValueTask DisposeAsync()
    {
        if (!_passed && !page.IsClosed)
        {
            await BrowserFixture.ScreenshotAsync(page, name);
        }
    }
}
