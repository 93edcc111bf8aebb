using Approval.Activities.Flow;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>
/// Applies a staff change when its flow ends approved, in the same transaction as the step that
/// ended it; records a refusal otherwise. A change that can no longer be applied (the clerk has
/// left meanwhile, the newcomer serves elsewhere now) lapses and says why.
/// </summary>
internal sealed class StaffChangeObserver(ApprovalDbContext db, StaffRoster roster, TimeProvider clock) : IStepObserver
{
    public ValueTask TaskOpenedAsync(WorkflowInstance instance, WorkflowTask task, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask TaskCompletedAsync(CompletedStep step, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask StepSavedAsync(CancellationToken ct) => ValueTask.CompletedTask;

    public async ValueTask InstanceFinishedAsync(WorkflowInstance instance, CancellationToken ct)
    {
        // Applications are by far the most instances; their case is already at hand.
        if (db.Cases.Local.Any(c => c.Id == instance.Id))
        {
            return;
        }

        var change = db.StaffChanges.Local.FirstOrDefault(c => c.Id == instance.Id)
            ?? await db.StaffChanges.FirstOrDefaultAsync(c => c.Id == instance.Id, ct);
        if (change is not { Status: StaffChangeStatus.Pending })
        {
            return;
        }

        change.ClosedAt = clock.GetUtcNow();
        if (instance.Status != InstanceStatus.Completed || instance.Result != EndResults.Approved)
        {
            change.Status = StaffChangeStatus.Refused;
            change.Detail = instance.Status == InstanceStatus.Faulted
                ? "审批流程出错，调整未生效。"
                : $"中心未同意（{instance.Result}），人员不变。";
            return;
        }

        await ApplyAsync(change, ct);
    }

    private async Task ApplyAsync(StaffChange change, CancellationToken ct)
    {
        var outgoing = await roster.CurrentAsync(change.WindowId, change.OutgoingUserName, ct);
        if (outgoing is null)
        {
            Lapse(change, $"{change.OutgoingUserName} 已不在 {change.WindowNumber} 窗口，调整未生效。");
            return;
        }

        var window = await db.Windows.FirstAsync(w => w.Id == change.WindowId, ct);
        var incoming = default(Identity.ApplicationUser);
        if (change.IncomingUserName is not null)
        {
            (incoming, var problem) = await roster.NewcomerAsync(change.IncomingUserName, ct);
            if (incoming is null)
            {
                Lapse(change, $"接任人员不能到岗：{problem} 调整未生效。");
                return;
            }
        }

        await roster.EndAsync(outgoing, "staff-change", $"经中心批准调整：{change.Reason}", change.Id, actor: null, ct);
        if (incoming is not null)
        {
            roster.Start(window, incoming, roster.Today, "staff-change", change.Id);
        }

        change.Status = StaffChangeStatus.Applied;
        change.Detail = incoming is null
            ? $"{change.OutgoingUserName} 于 {roster.Today:yyyy-MM-dd} 退出 {change.WindowNumber} 窗口。"
            : $"{change.IncomingUserName} 于 {roster.Today:yyyy-MM-dd} 接替 {change.OutgoingUserName} 到 {change.WindowNumber} 窗口。";
    }

    private static void Lapse(StaffChange change, string detail)
    {
        change.Status = StaffChangeStatus.Lapsed;
        change.Detail = detail;
    }
}
