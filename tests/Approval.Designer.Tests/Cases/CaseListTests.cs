using System.Security.Claims;
using Approval.Designer.Cases;
using Approval.Designer.Services;
using Approval.Designer.Text;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Designer.Tests.Cases;

/// <summary>The case list: a trial case (试运行) is labelled as one, an application is not; status and result are in Chinese.</summary>
public sealed class CaseListTests
{
    [Fact]
    public async Task ATrialCase_IsLabelledAsOne()
    {
        var trial = new CaseListEntry(Guid.NewGuid(), null, null, "standard-licence", 1, "Running", null, DateTimeOffset.UnixEpoch, Trial: true);
        var application = new CaseListEntry(
            Guid.NewGuid(), "T-1", "测试事项", "standard-licence", 1, "Running", null, DateTimeOffset.UnixEpoch, Trial: false);
        await using var context = DesignerContext.Create(s => s.AddSingleton<ICaseViews>(new Views([trial, application])));

        var list = context.Render<CaseList>(p => p
            .AddCascadingValue(Task.FromResult(new AuthenticationState(new ClaimsPrincipal())))
            .AddCascadingValue(DesignerContext.Chinese));

        var rows = list.FindAll("[data-testid=case-list] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("试运行", rows[0].QuerySelector("[data-testid=trial-case]")?.TextContent.Trim());
        Assert.Null(rows[1].QuerySelector("[data-testid=trial-case]"));
    }

    [Theory]
    [InlineData("Completed", "Approved", "已办结（准予许可）")]
    [InlineData("Completed", "Refused", "已办结（不予受理）")]
    [InlineData("Completed", "Completed", "已办结")]
    [InlineData("Running", null, "办理中")]
    public async Task TheStatus_AndHowTheCaseEnded_AreInChinese(string status, string? result, string shown)
    {
        var entry = new CaseListEntry(Guid.NewGuid(), "T-1", "测试事项", "standard-licence", 1, status, result, DateTimeOffset.UnixEpoch);
        await using var context = DesignerContext.Create(s => s.AddSingleton<ICaseViews>(new Views([entry])));

        var list = context.Render<CaseList>(p => p
            .AddCascadingValue(Task.FromResult(new AuthenticationState(new ClaimsPrincipal())))
            .AddCascadingValue(DesignerContext.Chinese));

        Assert.Equal(shown, list.Find("[data-testid=case-status]").TextContent.Trim());
    }

    private sealed class Views(IReadOnlyList<CaseListEntry> entries) : ICaseViews
    {
        public Task<IReadOnlyList<CaseListEntry>> RecentAsync(ClaimsPrincipal user, int take, CancellationToken ct = default) => Task.FromResult(entries);

        public Task<CaseView?> GetAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct = default) => Task.FromResult<CaseView?>(null);

        public Task<Guid?> FindAsync(ClaimsPrincipal user, string number, CancellationToken ct = default) => Task.FromResult<Guid?>(null);

        public Task<TryOutResult> TryOutAsync(ClaimsPrincipal user, string definitionId, string? department, string data, CancellationToken ct = default) =>
            Task.FromResult(new TryOutResult(null, "not here"));
    }
}
