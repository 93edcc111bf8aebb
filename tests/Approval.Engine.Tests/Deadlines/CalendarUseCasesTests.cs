using Approval.Engine.Deadlines;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Deadlines;

/// <summary>The calendar's write use cases as the API calls them, without a request.</summary>
public sealed class CalendarUseCasesTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // A subtle failure this guards against: a caller who may not write being told what is wrong with their year.
    [Theory]
    [InlineData("supervisor1")]
    [InlineData("head1")]
    public async Task PutCalendarYear_RefusesAnyoneButAnAdministrator_BeforeCheckingTheYear(string userName)
    {
        var user = await _host.PrincipalAsync(userName);

        var result = await _host.RunAsync<PutCalendarYear, Result<SavedCalendarYear>>(
            u => u.RunAsync(new(2032, new CalendarYearDocument(2032, null, null)), user, default));

        Assert.IsType<Refusal.Forbidden>(result.Refusal);
        Assert.False(await StoredAsync(2032));
    }

    [Fact]
    public async Task PutCalendarYear_ReturnsInvalid_AtEachFieldThatIsWrong()
    {
        var admin = await _host.PrincipalAsync("admin");

        var result = await _host.RunAsync<PutCalendarYear, Result<SavedCalendarYear>>(
            u => u.RunAsync(new(2032, new CalendarYearDocument(2033, " ", null)), admin, default));

        var invalid = Assert.IsType<Refusal.Invalid>(result.Refusal);
        Assert.Equal("The holiday arrangement is not valid.", invalid.Title);
        Assert.Equal(["/year", "/source", "/holidays"], invalid.Errors.Select(e => e.Field));
        Assert.False(await StoredAsync(2032));
    }

    [Fact]
    public async Task PutCalendarYear_AddsAYear_ThenReplacesIt()
    {
        var admin = await _host.PrincipalAsync("admin");
        var document = new CalendarYearDocument(2032, "测试通知", [new HolidayDocument("元旦", new DateOnly(2032, 1, 1), new DateOnly(2032, 1, 1), [])]);

        var added = await _host.RunAsync<PutCalendarYear, Result<SavedCalendarYear>>(u => u.RunAsync(new(2032, document), admin, default));
        var replaced = await _host.RunAsync<PutCalendarYear, Result<SavedCalendarYear>>(u => u.RunAsync(new(2032, document with { Holidays = [] }), admin, default));

        Assert.True(added.Value!.Added);
        Assert.Equal("admin", added.Value.Year.UpdatedBy);
        Assert.False(replaced.Value!.Added);
        Assert.Empty(replaced.Value.Year.Days);
    }

    [Fact]
    public async Task PutCalendarDay_RefusesAHandler_AndTellsAnAdministratorTheDateAndKindAreWrong()
    {
        var adjustment = new DayAdjustment(CalendarDaySetting.MakeUpWorkday, null);

        var refused = await _host.RunAsync<PutCalendarDay, Result<CalendarDayResponse>>(
            async u => await u.RunAsync(new("2026-13-01", adjustment), await _host.PrincipalAsync("handler1"), default));
        var badDate = await _host.RunAsync<PutCalendarDay, Result<CalendarDayResponse>>(
            async u => await u.RunAsync(new("2026-13-01", adjustment), await _host.PrincipalAsync("admin"), default));
        var weekday = await _host.RunAsync<PutCalendarDay, Result<CalendarDayResponse>>(
            async u => await u.RunAsync(new("2026-03-04", adjustment), await _host.PrincipalAsync("admin"), default));

        Assert.IsType<Refusal.Forbidden>(refused.Refusal);
        Assert.Equal("date", Assert.Single(Assert.IsType<Refusal.Invalid>(badDate.Refusal).Errors).Field);
        Assert.Equal("/kind", Assert.Single(Assert.IsType<Refusal.Invalid>(weekday.Refusal).Errors).Field);
    }

    private async Task<bool> StoredAsync(int year)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().CalendarYears.AnyAsync(y => y.Year == year);
    }
}
