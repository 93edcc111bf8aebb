using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Approval.Engine.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Windows;

/// <summary>
/// The hall's write use cases called as the UI calls them (no request, no endpoint): who may is
/// decided inside them, first, and every refusal is typed and leaves nothing behind.
/// </summary>
public sealed class WindowUseCaseTests : IAsyncLifetime
{
    private const string FoodLicence = "452624-XK-SCJG-001"; // promised, market-regulation
    private readonly ApprovalHost _host = SampleHallHost.Create();

    public Task InitializeAsync() => _host.CreateClient().GetAsync("/health");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static WindowRequest Window(string number = "W90") => new(
        number, "综合窗口（测试）", WindowType.Comprehensive, [new WindowDepartment("market-regulation", ApprovalAuthority.MiddleDeputy)],
        new WindowHead("测试负责人"), "0776-3821290", "0776-3821234");

    [Theory]
    [InlineData("head1")]
    [InlineData("supervisor1")]
    [InlineData("window1")]
    public async Task CreateWindow_IsForbidden_ToAllButAdministrators_AndChangesNothing(string caller)
    {
        var before = await AuditCountAsync();
        var user = await _host.PrincipalAsync(caller);

        var result = await _host.RunAsync((CreateWindow create) => create.RunAsync(new(Window()), user, default));

        Assert.IsType<Refusal.Forbidden>(result.Refusal);
        Assert.False(await InDatabaseAsync(db => db.Windows.AnyAsync(w => w.Number == "W90")));
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task GrantItem_IsForbidden_BeforeTheGrantIsLookedAt()
    {
        // A grant that names no window and breaks the rules: the caller's permission is what is answered.
        var user = await _host.PrincipalAsync("head1");

        var result = await _host.RunAsync((GrantItem grant) =>
            grant.RunAsync(new("W99", FoodLicence, new WindowGrantRequest(MayAccept: false, MayDecideOnTheSpot: true)), user, default));

        Assert.IsType<Refusal.Forbidden>(result.Refusal);
    }

    [Fact]
    public async Task UpdateWindow_ReturnsNotFound_ForAWindowThatIsNotThere()
    {
        var admin = await _host.PrincipalAsync("admin");

        var result = await _host.RunAsync((UpdateWindow update) => update.RunAsync(new("W90", Window()), admin, default));

        var missing = Assert.IsType<Refusal.NotFound>(result.Refusal);
        Assert.Contains("W90", missing.Detail);
    }

    [Fact]
    public async Task UpdateWindow_ReturnsInvalid_NamingTheNumber_WhenTheBodyNamesAnotherWindow()
    {
        var admin = await _host.PrincipalAsync("admin");

        var result = await _host.RunAsync((UpdateWindow update) => update.RunAsync(new("W01", Window("W02")), admin, default));

        var invalid = Assert.IsType<Refusal.Invalid>(result.Refusal);
        Assert.Equal(["number"], invalid.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task GrantItem_ReturnsInvalid_WithEveryReason_UnderItsField()
    {
        var admin = await _host.PrincipalAsync("admin");

        // W07 serves health and civil affairs; the food licence is market regulation's, and a promised item.
        var result = await _host.RunAsync((GrantItem grant) =>
            grant.RunAsync(new("W07", FoodLicence, new WindowGrantRequest(MayAccept: true, MayDecideOnTheSpot: true)), admin, default));

        var invalid = Assert.IsType<Refusal.Invalid>(result.Refusal);
        Assert.Equal($"Window W07 cannot hold this grant for item {FoodLicence}.", invalid.Title);
        Assert.Contains(invalid.Errors, e => e.Field == "itemCode");
        Assert.Contains(invalid.Errors, e => e.Field == "mayDecideOnTheSpot");
    }

    [Fact]
    public async Task DeleteWindow_ReturnsConflict_WhenTheWindowHasHadStaff_AndKeepsIt()
    {
        var admin = await _host.PrincipalAsync("admin");

        var result = await _host.RunAsync((DeleteWindow delete) => delete.RunAsync(new("W01"), admin, default));

        Assert.IsType<Refusal.Conflict>(result.Refusal);
        Assert.True(await InDatabaseAsync(db => db.Windows.AnyAsync(w => w.Number == "W01")));
    }

    [Fact]
    public async Task EndStaff_BeforeTheMinimumTerm_ReturnsConflict_WithTheDayItEnds()
    {
        var admin = await _host.PrincipalAsync("admin");

        var result = await _host.RunAsync((EndStaff end) => end.RunAsync(new("W01", "window1", new EndStaffRequest("调回原单位")), admin, default));

        var conflict = Assert.IsType<Refusal.Conflict>(result.Refusal);
        Assert.Equal("The minimum term has not passed", conflict.Title);
        Assert.Equal(new DateOnly(2028, 3, 2), conflict.Extensions!["minimumTermEndsOn"]);
        Assert.Contains("/api/staff-changes", conflict.Detail);
    }

    [Fact]
    public async Task AssignStaff_ReturnsInvalid_ForSomeoneWhoIsNotWindowStaff()
    {
        var admin = await _host.PrincipalAsync("admin");

        var result = await _host.RunAsync((AssignStaff assign) => assign.RunAsync(new("W07", new AssignStaffRequest("handler1")), admin, default));

        var invalid = Assert.IsType<Refusal.Invalid>(result.Refusal);
        Assert.Equal("userName", Assert.Single(invalid.Errors).Field);
    }

    [Theory]
    [InlineData("admin")] // the centre decides staff changes; it does not ask for them
    [InlineData("handler2")] // housing construction: W01 does not serve it
    public async Task RequestStaffChange_IsForbidden_ToAllButTheDepartmentsTheWindowServes(string caller)
    {
        var user = await _host.PrincipalAsync(caller);

        var result = await _host.RunAsync((RequestStaffChange request) =>
            request.RunAsync(new(new StaffChangeRequest("W01", "window1", "clerk1", "调任")), user, default));

        Assert.IsType<Refusal.Forbidden>(result.Refusal);
        Assert.False(await InDatabaseAsync(db => db.StaffChanges.AnyAsync()));
    }

    [Fact]
    public async Task RequestStaffChange_ReturnsConflict_WhenTheClerksChangeIsAlreadyWaiting()
    {
        var head = await _host.PrincipalAsync("head1");
        var first = await _host.RunAsync((RequestStaffChange request) =>
            request.RunAsync(new(new StaffChangeRequest("W01", "window1", null, "窗口撤并")), head, default));
        Assert.True(first.Succeeded, first.Refusal?.Detail);

        var second = await _host.RunAsync((RequestStaffChange request) =>
            request.RunAsync(new(new StaffChangeRequest("W01", "window1", "clerk1", "调任")), head, default));

        Assert.IsType<Refusal.Conflict>(second.Refusal);
        Assert.Equal(1, await InDatabaseAsync(db => db.StaffChanges.CountAsync()));
    }

    [Fact]
    public async Task DecideStaffChange_IsForbidden_ToTheDepartmentThatAsked_AndApprovedByTheCentre_AppliesTheChange()
    {
        var change = await RequestAsync(new StaffChangeRequest("W01", "window1", "clerk1", "调任"));
        var head = await _host.PrincipalAsync("head1");
        var admin = await _host.PrincipalAsync("admin");

        var byHead = await _host.RunAsync((DecideStaffChange decide) => decide.RunAsync(new(change, Approve: true, "同意"), head, default));
        Assert.IsType<Refusal.Forbidden>(byHead.Refusal);
        Assert.Equal(StaffChangeStatus.Pending, await InDatabaseAsync(db => db.StaffChanges.Where(c => c.Id == change).Select(c => c.Status).SingleAsync()));

        var approved = await _host.RunAsync((DecideStaffChange decide) => decide.RunAsync(new(change, Approve: true, "同意调换"), admin, default));

        Assert.True(approved.Succeeded, approved.Refusal?.Detail);
        Assert.Equal(StaffChangeStatus.Applied, approved.Value!.Status);
        Assert.Empty(approved.Value.OpenTasks);
        Assert.Equal(["clerk1"], await InDatabaseAsync(db => db.WindowAssignments.Where(a => a.Window.Number == "W01" && a.EndedOn == null).Select(a => a.UserName).ToListAsync()));
    }

    [Fact]
    public async Task DecideStaffChange_ReturnsNotFound_ForNoSuchChange_AndConflict_OnceDecided()
    {
        var change = await RequestAsync(new StaffChangeRequest("W01", "window1", null, "窗口撤并"));
        var admin = await _host.PrincipalAsync("admin");

        var missing = await _host.RunAsync((DecideStaffChange decide) => decide.RunAsync(new(Guid.NewGuid(), Approve: false, null), admin, default));
        var refused = await _host.RunAsync((DecideStaffChange decide) => decide.RunAsync(new(change, Approve: false, "不同意"), admin, default));
        var again = await _host.RunAsync((DecideStaffChange decide) => decide.RunAsync(new(change, Approve: true, "同意"), admin, default));

        Assert.IsType<Refusal.NotFound>(missing.Refusal);
        Assert.Equal(StaffChangeStatus.Refused, refused.Value!.Status);
        Assert.IsType<Refusal.Conflict>(again.Refusal);
        Assert.Equal(["window1"], await InDatabaseAsync(db => db.WindowAssignments.Where(a => a.Window.Number == "W01" && a.EndedOn == null).Select(a => a.UserName).ToListAsync()));
    }

    private async Task<Guid> RequestAsync(StaffChangeRequest request)
    {
        var head = await _host.PrincipalAsync("head1");
        var requested = await _host.RunAsync((RequestStaffChange requestChange) => requestChange.RunAsync(new(request), head, default));
        Assert.True(requested.Succeeded, requested.Refusal?.Detail);
        return requested.Value!.Id;
    }

    private Task<int> AuditCountAsync() => InDatabaseAsync(db => db.AuditLog.CountAsync());

    private async Task<T> InDatabaseAsync<T>(Func<ApprovalDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ApprovalDbContext>());
    }
}
