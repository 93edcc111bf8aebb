using Approval.Activities.Contract;
using Approval.Engine.Deadlines;
using Approval.Engine.Storage;
using Approval.Engine.Supervision;
using Approval.Engine.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Supervision;

/// <summary>
/// Handling warnings and reading notifications, called as the UI calls them: the supervision office
/// handles every warning, a head their department's; a notification is its own user's.
/// </summary>
public sealed class WarningUseCaseTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();
    private long _warning;
    private long _notification;

    public async Task InitializeAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var now = _host.Clock.GetUtcNow();
        var warning = new Warning
        {
            Key = "use-case", CaseId = Guid.NewGuid(), Kind = TimerKind.Yellow, Severity = Severity.Yellow,
            Department = "market-regulation", DueAt = now, RecordedAt = now, EscalatedToRole = Roles.DepartmentHead,
        };
        var notification = new Notification { UserName = "supervisor1", Title = "测试", Body = "测试", CreatedAt = now };
        db.AddRange(warning, notification);
        await db.SaveChangesAsync();
        (_warning, _notification) = (warning.Id, notification.Id);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("admin")]
    [InlineData("handler1")]
    [InlineData("window1")]
    public async Task AcknowledgeWarning_IsForbidden_ToThoseWhoHandleNoWarnings(string caller)
    {
        var user = await _host.PrincipalAsync(caller);

        var result = await _host.RunAsync((AcknowledgeWarning acknowledge) => acknowledge.RunAsync(new(_warning, "已知悉"), user, default));

        Assert.IsType<Refusal.Forbidden>(result.Refusal);
        Assert.Equal(WarningStatus.Open, await StatusAsync());
    }

    [Fact]
    public async Task AcknowledgeWarning_ReturnsNotFound_ToTheHeadOfAnotherDepartment()
    {
        var head2 = await _host.PrincipalAsync("head2");

        var result = await _host.RunAsync((AcknowledgeWarning acknowledge) => acknowledge.RunAsync(new(_warning, "已知悉"), head2, default));

        Assert.IsType<Refusal.NotFound>(result.Refusal);
        Assert.Equal(WarningStatus.Open, await StatusAsync());
    }

    [Fact]
    public async Task ResolveWarning_ReturnsInvalid_WithoutAComment()
    {
        var head1 = await _host.PrincipalAsync("head1");

        var result = await _host.RunAsync((ResolveWarning resolve) => resolve.RunAsync(new(_warning, " "), head1, default));

        var invalid = Assert.IsType<Refusal.Invalid>(result.Refusal);
        Assert.Equal("comment", Assert.Single(invalid.Errors).Field);
        Assert.Equal(WarningStatus.Open, await StatusAsync());
    }

    [Fact]
    public async Task AResolvedWarning_CannotBeAcknowledged_OrResolvedAgain()
    {
        var supervisor = await _host.PrincipalAsync("supervisor1");
        var resolved = await _host.RunAsync((ResolveWarning resolve) => resolve.RunAsync(new(_warning, "已督促办结"), supervisor, default));
        Assert.Equal(WarningStatus.Resolved, resolved.Value!.Status);
        Assert.Equal("supervisor1", resolved.Value.HandledBy);

        var acknowledged = await _host.RunAsync((AcknowledgeWarning acknowledge) => acknowledge.RunAsync(new(_warning, null), supervisor, default));
        var again = await _host.RunAsync((ResolveWarning resolve) => resolve.RunAsync(new(_warning, "再次处理"), supervisor, default));

        Assert.IsType<Refusal.Conflict>(acknowledged.Refusal);
        Assert.IsType<Refusal.Conflict>(again.Refusal);
    }

    [Fact]
    public async Task ReadNotification_ReturnsNotFound_ForSomeoneElsesNotification_AndMarksOnlyTheOwnersRead()
    {
        var head1 = await _host.PrincipalAsync("head1");
        var supervisor = await _host.PrincipalAsync("supervisor1");

        var other = await _host.RunAsync((ReadNotification read) => read.RunAsync(new(_notification), head1, default));
        Assert.IsType<Refusal.NotFound>(other.Refusal);

        var own = await _host.RunAsync((ReadNotification read) => read.RunAsync(new(_notification), supervisor, default));
        Assert.Equal(_host.Clock.GetUtcNow(), own.Value!.ReadAt);
    }

    private async Task<WarningStatus> StatusAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().Warnings.Where(w => w.Id == _warning).Select(w => w.Status).SingleAsync();
    }
}
