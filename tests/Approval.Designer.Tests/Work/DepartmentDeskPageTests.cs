using System.Security.Claims;
using Approval.Designer.Services;
using Approval.Designer.Work;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Designer.Tests.Work;

/// <summary>The inbox and the task page over a stub of the platform: marks, required reasons, and a task done meanwhile.</summary>
public sealed class DepartmentDeskPageTests
{
    private static readonly ClaimsPrincipal Handler = new(new ClaimsIdentity([new Claim("name", "handler1"), new Claim("role", "DepartmentHandler")], "test", "name", "role"));

    [Fact]
    public async Task TheInbox_ShowsEachTasksNumberAndMark_InChinese()
    {
        var desk = new Desk();
        desk.Rows.Add(Row("452624-20261207-0001", "Red"));
        desk.Rows.Add(Row("452624-20261207-0002", "None"));
        await using var context = DesignerContext.Create(s => s.AddSingleton<IDepartmentDesk>(desk));

        var inbox = context.Render<Inbox>(p => p
            .Add(i => i.Refresh, TimeSpan.FromHours(1))
            .AddCascadingValue(Task.FromResult(new AuthenticationState(Handler)))
            .AddCascadingValue(DesignerContext.Chinese));

        var rows = inbox.FindAll("[data-testid=inbox] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("红牌", rows[0].QuerySelector("[data-level]")!.TextContent.Trim());
        Assert.Equal("452624-20261207-0001", rows[0].QuerySelector("[data-testid=inbox-case-number]")!.TextContent.Trim());
        Assert.Equal("共 2 件", inbox.Find("[data-testid=inbox-total]").TextContent.Trim());
    }

    [Fact]
    public async Task AReturn_WithoutAReason_IsNotSent_AndSaysSoUnderTheField()
    {
        var desk = new Desk();
        await using var context = DesignerContext.Create(s => s.AddSingleton<IDepartmentDesk>(desk));

        var page = context.Render<TaskPage>(p => p
            .Add(t => t.TaskId, desk.Task.TaskId)
            .AddCascadingValue(Task.FromResult(new AuthenticationState(Handler)))
            .AddCascadingValue(DesignerContext.Chinese));
        await page.Find("button[data-outcome=Return]").ClickAsync(new());

        Assert.Empty(desk.Completed);
        Assert.Contains("“退回”须填写意见", page.Find("[data-testid=task-action]").TextContent);
    }

    [Fact]
    public async Task ATaskDoneMeanwhile_SaysByWhomAndWhen()
    {
        var desk = new Desk { Answer = new DeskAnswer(false, "done", DoneBy: "市场监管局经办人", DoneAt: new DateTimeOffset(2026, 12, 7, 2, 5, 0, TimeSpan.Zero)) };
        await using var context = DesignerContext.Create(s => s.AddSingleton<IDepartmentDesk>(desk));

        var page = context.Render<TaskPage>(p => p
            .Add(t => t.TaskId, desk.Task.TaskId)
            .AddCascadingValue(Task.FromResult(new AuthenticationState(Handler)))
            .AddCascadingValue(DesignerContext.Chinese));
        await page.Find("button[data-outcome=Pass]").ClickAsync(new());

        Assert.Single(desk.Completed);
        page.WaitForAssertion(() => Assert.Contains("已由 市场监管局经办人 于 10:05 办理", page.Find("[data-testid=task-done]").TextContent));
    }

    [Fact]
    public async Task ATaskNotTheReadersToDo_ShowsNoButtons()
    {
        var desk = new Desk { ReadOnly = true };
        await using var context = DesignerContext.Create(s => s.AddSingleton<IDepartmentDesk>(desk));

        var page = context.Render<TaskPage>(p => p
            .Add(t => t.TaskId, desk.Task.TaskId)
            .AddCascadingValue(Task.FromResult(new AuthenticationState(Handler)))
            .AddCascadingValue(DesignerContext.Chinese));

        Assert.Empty(page.FindAll("button[data-outcome]"));
        Assert.Contains("此任务由", page.Find("[data-testid=task-read-only]").TextContent);
    }

    private static InboxRow Row(string number, string level) => new(
        Guid.NewGuid(), Guid.NewGuid(), number, "食品经营许可", "李四", "审核", "review", "Step", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
        new DateOnly(2026, 12, 17), null, 3, level);

    private sealed class Desk : IDepartmentDesk
    {
        public List<InboxRow> Rows { get; } = [];

        public List<string> Completed { get; } = [];

        public DeskAnswer Answer { get; init; } = DeskAnswer.Ok;

        public bool ReadOnly { get; init; }

        public TaskView Task { get; } = new(
            Guid.NewGuid(), Guid.NewGuid(), "452624-20261207-0001", "食品经营许可", "审核", "Step", "DepartmentHandler", true,
            [new("Pass", "通过", false, false), new("Return", "退回", true, false), new("Reject", "驳回", true, false)],
            null, null, null, null, [KeyValuePair.Create("name", "李四")], [], [], [],
            new CaseDeadlines(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 7), 20, 10, new DateOnly(2026, 12, 21), new DateOnly(2027, 1, 5), 10, false, false, null, []),
            new TaskClocks(null, null, null, "None", null, 10, ["Hearing"]), true, false);

        public Task<InboxView> InboxAsync(ClaimsPrincipal user, InboxFilter filter, CancellationToken ct = default) =>
            System.Threading.Tasks.Task.FromResult(new InboxView(Rows, Rows.Count, ["review"]));

        public Task<TaskView?> TaskAsync(ClaimsPrincipal user, Guid taskId, CancellationToken ct = default) =>
            System.Threading.Tasks.Task.FromResult<TaskView?>(
                (Completed.Count > 0 && !Answer.Done ? Task with { Open = false } : Task) with { MayComplete = !ReadOnly });

        public Task<DeskAnswer> CompleteAsync(
            ClaimsPrincipal user, Guid taskId, string outcome, string? comment, string? legalBasis, decimal? fee = null, string? feeReceipt = null,
            CancellationToken ct = default)
        {
            Completed.Add(outcome);
            return System.Threading.Tasks.Task.FromResult(Answer);
        }

        public Task<DeskAnswer> StartSpecialProcedureAsync(ClaimsPrincipal user, Guid caseId, string kind, string? reason, int? expectedDays, CancellationToken ct = default) =>
            System.Threading.Tasks.Task.FromResult(Answer);

        public Task<DeskAnswer> EndSpecialProcedureAsync(ClaimsPrincipal user, Guid caseId, long pauseId, CancellationToken ct = default) =>
            System.Threading.Tasks.Task.FromResult(Answer);

        public Task<DeskAnswer> RequestExtensionAsync(ClaimsPrincipal user, Guid caseId, string? reason, CancellationToken ct = default) =>
            System.Threading.Tasks.Task.FromResult(Answer);

        public Task<DeskAnswer> DecideExtensionAsync(ClaimsPrincipal user, Guid caseId, bool approve, string? comment, CancellationToken ct = default) =>
            System.Threading.Tasks.Task.FromResult(Answer);
    }
}
