using System.Security.Claims;
using Approval.Designer.Cases;
using Approval.Designer.Services;
using Approval.Designer.Text;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Designer.Tests.Cases;

/// <summary>The case viewer speaks the UI's language: timer kinds, results and departments by their names, never the engine's words.</summary>
public sealed class CaseViewerTests
{
    private static readonly Guid Id = Guid.NewGuid();

    private static CaseView Case(string status = "Running", string? result = null) => new(
        Id, "T-1", "食品经营许可", status, result, "market-regulation", DateTimeOffset.UnixEpoch, null,
        DesignerContext.Shipped("standard-licence"),
        [new CaseStep("start", "Start", "开始", "Done", null, null, DateTimeOffset.UnixEpoch)],
        [new CaseWait("review", "审核", "DepartmentHandler", "market-regulation", DateTimeOffset.UnixEpoch, null, "德保县市场监督管理局")],
        new CaseDeadlines(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2), 20, 10, new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 30),
            8, false, false, null,
            [new CaseTimer("Yellow", DateTimeOffset.UnixEpoch), new CaseTimer("Red", DateTimeOffset.UnixEpoch),
                new CaseTimer("StatutoryBreach", DateTimeOffset.UnixEpoch), new CaseTimer("StepOverdue", DateTimeOffset.UnixEpoch)]));

    [Fact]
    public async Task TimerKinds_AreShownInChinese()
    {
        await using var context = DesignerContext.Create(s => s.AddSingleton<ICaseViews>(new Views(Case())));

        var viewer = Render(context, DesignerContext.Chinese);

        var timers = viewer.FindAll("[data-testid=case-timers] li").Select(li => li.TextContent.Split('·')[0].Trim()).ToList();
        Assert.Equal(["黄牌预警", "红牌（超过承诺时限）", "超过法定时限", "步骤超时"], timers);
        Assert.DoesNotContain("StatutoryBreach", viewer.Find("[data-testid=case-timers]").TextContent);
    }

    [Fact]
    public async Task TheHistory_NamesTheResultAnEndRecorded_InChinese()
    {
        var completed = Case("Completed", "Approved") with
        {
            History = [new CaseStep("end-approved", "End", "办结（准予）", "Approved", null, null, DateTimeOffset.UnixEpoch)],
            Waiting = [],
        };
        await using var context = DesignerContext.Create(s => s.AddSingleton<ICaseViews>(new Views(completed)));

        var viewer = Render(context, DesignerContext.Chinese);

        var history = viewer.Find("[data-testid=case-viewer] .case-side").TextContent;
        Assert.Contains("办结（准予） → 准予许可", history);
        Assert.DoesNotContain("Approved", history);
    }

    [Fact]
    public async Task TheWaitingStep_NamesItsDepartment_AndTheResultIsInChinese()
    {
        await using var context = DesignerContext.Create(s => s.AddSingleton<ICaseViews>(new Views(Case("Completed", "Approved"))));

        var viewer = Render(context, DesignerContext.Chinese);

        Assert.Contains("科室经办 德保县市场监督管理局", viewer.Find("[data-testid=case-waiting]").TextContent);
        Assert.Contains("已办结（准予许可）", viewer.Find("[data-testid=case-viewer]").TextContent);
        Assert.DoesNotContain("Approved", viewer.Find("[data-testid=case-viewer] .case-side").TextContent);
    }

    [Fact]
    public async Task InEnglish_TimerKindsAreWords_NotTheEnginesNames()
    {
        await using var context = DesignerContext.Create(s => s.AddSingleton<ICaseViews>(new Views(Case())));

        var viewer = Render(context, DesignerContext.English);

        Assert.Contains("Statutory limit passed", viewer.Find("[data-testid=case-timers]").TextContent);
    }

    private static IRenderedComponent<CaseViewer> Render(BunitContext context, UiText text) =>
        context.Render<CaseViewer>(p => p
            .Add(x => x.CaseId, Id)
            .AddCascadingValue(Task.FromResult(new AuthenticationState(new ClaimsPrincipal())))
            .AddCascadingValue(text));

    private sealed class Views(CaseView view) : ICaseViews
    {
        public Task<IReadOnlyList<CaseListEntry>> RecentAsync(ClaimsPrincipal user, int take, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<CaseListEntry>>([]);

        public Task<CaseView?> GetAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct = default) => Task.FromResult<CaseView?>(view);

        public Task<Guid?> FindAsync(ClaimsPrincipal user, string number, CancellationToken ct = default) => Task.FromResult<Guid?>(null);

        public Task<TryOutResult> TryOutAsync(ClaimsPrincipal user, string definitionId, string? department, string data, CancellationToken ct = default) =>
            Task.FromResult(new TryOutResult(null, "not here"));
    }
}
