using System.Diagnostics;
using System.Net.Http.Json;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Validation;
using Approval.Testing;
using Microsoft.Playwright;

namespace Approval.DesignerBench;

/// <summary>
/// How long a big flow takes to open in the designer, in headless Chromium, against the Engine on
/// Kestrel: from navigation until the canvas shows the flow (its first and last steps in the list
/// drawn), and until a click on a step shows that step's properties, which needs the canvas, the
/// circuit and the property panel to answer. Not a test: it prints a report.
/// </summary>
internal static class DesignerBench
{
    public static async Task<int> Main(string[] args)
    {
        var activities = Argument(args, "--activities", 150);
        var runs = Argument(args, "--runs", 5);
        var chromium = args.SkipWhile(a => a != "--chromium").Skip(1).FirstOrDefault() ?? "/usr/bin/chromium";

        var definition = BigFlow.Create("bench-flow", activities);
        var errors = DefinitionValidator.Validate(definition, ActivityRegistry.Default);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"The generated flow is not valid: {string.Join("; ", errors.Select(e => e.Message))}");
            return 1;
        }

        using var host = new KestrelEngine("designerbench");
        using var admin = await host.LoginAsync("admin");
        (await admin.PostAsJsonAsync("/api/definitions", definition, WorkflowJson.Options)).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/definitions/bench-flow/publish", null)).EnsureSuccessStatusCode();
        Console.WriteLine($"Engine on {host.Address}; flow bench-flow: {definition.Activities.Count} activities, {definition.Connections.Count} connections");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.Address,
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=userName]", "admin");
        await page.FillAsync("input[name=password]", KestrelEngine.Password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("[data-testid=flow-list]").WaitForAsync();

        // The canvas opens at a readable zoom from the flow's start and draws what is in view.
        var first = definition.Activities[1].Id;
        var target = definition.Activities[14].Id;
        var drawn = new List<double>();
        var interactive = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            await page.GotoAsync("about:blank");
            var clock = Stopwatch.StartNew();
            await page.GotoAsync("/flows/bench-flow");
            await page.Locator("[data-testid=flow-canvas]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            var shellAt = clock.Elapsed.TotalMilliseconds;
            await page.Locator($"[data-activity-id=\"{first}\"]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            await page.Locator($"[data-activity-id=\"{target}\"]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            var drawnAt = clock.Elapsed.TotalMilliseconds;
            await page.Locator($"[data-activity-id=\"{target}\"] .activity-head").ClickAsync();
            await page.Locator($"[data-testid=designer][data-selected=\"{target}\"]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            var interactiveAt = clock.Elapsed.TotalMilliseconds;
            var nodes = await page.Locator(".activity-node").CountAsync();

            // The first load warms the server and the browser's cache; it is reported, not counted.
            Console.WriteLine($"run {run}{(run == 0 ? " (warm-up)" : "")}: page {shellAt:F0} ms, canvas drawn {drawnAt:F0} ms ({nodes} of {activities} steps in view), interactive {interactiveAt:F0} ms");
            if (run > 0)
            {
                drawn.Add(drawnAt);
                interactive.Add(interactiveAt);
            }

            if (run == 1)
            {
                var shot = Path.Combine(Path.GetTempPath(), "designer-bench.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
                Console.WriteLine($"screenshot: {shot}");
            }
        }

        Console.WriteLine($"{activities} activities, {runs} runs: canvas drawn median {Median(drawn):F0} ms (max {drawn.Max():F0}), "
            + $"interactive median {Median(interactive):F0} ms (max {interactive.Max():F0})");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int Argument(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}
