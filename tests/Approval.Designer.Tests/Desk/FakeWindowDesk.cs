using System.Security.Claims;
using Approval.Designer.Services;

namespace Approval.Designer.Tests.Desk;

/// <summary>The desk's platform as a test sets it: items, and the answers to filing and completing; it records what it was asked.</summary>
internal sealed class FakeWindowDesk : IWindowDesk
{
    public List<DeskItem> Items { get; } = [];

    public Func<DeskApplication, DeskFiling> File { get; set; } =
        _ => new DeskFiling(Guid.NewGuid(), "452624-20260302-0001", "K7P2QX", Guid.NewGuid());

    public Func<Guid, DeskCompletion, DeskStepResult> Complete { get; set; } = (_, _) => new DeskStepResult("Running", null, []);

    public List<string?> Searches { get; } = [];

    public List<DeskApplication> Filed { get; } = [];

    public List<DeskCompletion> Completed { get; } = [];

    public long MaxScanBytes => 10 * 1024 * 1024;

    public Task<IReadOnlyList<DeskItem>> ItemsAsync(ClaimsPrincipal user, string? search, CancellationToken ct = default)
    {
        Searches.Add(search);
        return Task.FromResult<IReadOnlyList<DeskItem>>([.. Items.Where(i => string.IsNullOrEmpty(search) || i.Name.Contains(search) || i.Code.Contains(search))]);
    }

    public Task<DeskFiling> FileAsync(ClaimsPrincipal user, DeskApplication application, CancellationToken ct = default)
    {
        Filed.Add(application);
        return Task.FromResult(File(application));
    }

    public Task<DeskProblems?> UploadAsync(ClaimsPrincipal user, Guid caseId, DeskScan scan, CancellationToken ct = default) =>
        Task.FromResult<DeskProblems?>(null);

    public Task<DeskStepResult> CompleteAsync(ClaimsPrincipal user, Guid taskId, DeskCompletion completion, CancellationToken ct = default)
    {
        Completed.Add(completion);
        return Task.FromResult(Complete(taskId, completion));
    }

    public Task<IReadOnlyList<NoticeLink>> NoticesAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<NoticeLink>>([new NoticeLink("受理通知书", "德政服受字〔2026〕第0001号", new DateOnly(2026, 12, 7), "/notice.pdf")]);

    public Task<IReadOnlyList<DeskCase>> TodayAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<DeskCase>>([]);

    public Task<DeskProblems?> ConsultAsync(ClaimsPrincipal user, string? question, string? itemCode, CancellationToken ct = default) =>
        Task.FromResult<DeskProblems?>(null);

    public static DeskItem Item(string code, string name, params (string Name, bool Required)[] materials) => new(
        code, name, "market-regulation", "德保县市场监督管理局", false, 20, 7, "《中华人民共和国食品安全法》第三十五条",
        [.. materials.Select(m => new DeskMaterial(m.Name, "申请人", 1, 0, m.Required))], new DeskFee(false, null, null), false);
}
