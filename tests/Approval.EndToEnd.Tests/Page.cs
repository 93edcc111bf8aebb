using Microsoft.Playwright;

namespace Approval.EndToEnd.Tests;

/// <summary>What a person does on the canvas, as pointer moves.</summary>
internal static class Canvas
{
    public static ILocator Step(this IPage page, string activityId) => page.Locator($"[data-activity-id=\"{activityId}\"]");

    public static ILocator OutcomePort(this IPage page, string activityId, string outcome) =>
        page.Step(activityId).Locator($"[data-outcome=\"{outcome}\"] .diagram-port");

    public static ILocator InputPort(this IPage page, string activityId) => page.Step(activityId).Locator(".port-in");

    /// <summary>Drags from one element to another with the mouse, as a person wires an outcome to a step.</summary>
    public static async Task DragAsync(this IPage page, ILocator from, ILocator to)
    {
        var a = await from.BoundingBoxAsync() ?? throw new InvalidOperationException("the source is not on screen");
        var b = await to.BoundingBoxAsync() ?? throw new InvalidOperationException("the target is not on screen");
        await page.Mouse.MoveAsync(a.X + a.Width / 2, a.Y + a.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(b.X + b.Width / 2, b.Y + b.Height / 2, new MouseMoveOptions { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Wires <paramref name="outcome"/> of one step into another and waits until the canvas shows the connection.</summary>
    public static async Task ConnectAsync(this IPage page, string from, string outcome, string to)
    {
        await page.DragAsync(page.OutcomePort(from, outcome), page.Step(to).Locator(".activity-head"));
        await page.Locator($"[data-activity-id=\"{from}\"] [data-outcome=\"{outcome}\"] .diagram-port.has-links").WaitForAsync();
    }
}
