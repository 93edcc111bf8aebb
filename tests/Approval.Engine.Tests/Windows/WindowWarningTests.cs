using Approval.Engine.Deadlines;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Windows;

/// <summary>A window's warning goes to the clerks at the windows that serve the item, not to the whole hall.</summary>
public sealed class WindowWarningTests : IAsyncLifetime
{
    private const string FoodLicence = "452624-XK-SCJG-001"; // served by W01 only

    private readonly ApprovalHost _host = SampleHallHost.Create(new Dictionary<string, string?> { ["Auth:TokenLifetimeMinutes"] = "525600" });

    public Task InitializeAsync() => _host.CreateClient().GetAsync("/health");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AMissedCorrectionNotice_IsTold_ToTheClerksOfTheItemsWindows()
    {
        var filed = await (await _host.LoginAsync("applicant1")).FileOkAsync(FoodLicence);
        var supervisor = await _host.LoginAsync("supervisor1");
        var version = (await supervisor.GetCaseAsync(filed.Id())).GetProperty("clock").GetProperty("clockVersion").GetInt32();

        // Five working days after receipt (Monday 2 March) without a correction notice: deemed accepted.
        _host.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-10T09:00:00+08:00"));
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeadlineTimers>().FireAsync(Guid.Parse(filed.Id()), TimerKind.CorrectionNotice, null, version, default);
        }

        var warnings = await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/warnings?kind=CorrectionNotice");
        var recipients = warnings.EnumerateArray().Single().GetProperty("recipients").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("window1", recipients);
        Assert.Contains("supervisor1", recipients);
        Assert.DoesNotContain(recipients, r => r is "window2" or "window3" or "window4" or "window5" or "window6" or "window7" or "clerk1");
    }
}
