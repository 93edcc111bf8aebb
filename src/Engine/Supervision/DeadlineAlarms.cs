using Approval.Activities.Human;
using Approval.Engine.Cases;
using Approval.Engine.Deadlines;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

/// <summary>
/// A due deadline's alarm is a warning, recorded once with its notifications; a step that ran over
/// its limit is also sent Overdue, so whatever the flow wires to it (Escalate) runs while the task stays open.
/// </summary>
internal sealed class DeadlineAlarms(ApprovalDbContext db, WarningRecorder recorder, WorkflowRuntime runtime) : IDeadlineAlarms
{
    public async Task<bool> RaiseAsync(Case @case, PlannedTimer timer, bool repaired, CancellationToken ct)
    {
        if (await recorder.RecordAsync(@case, timer, repaired, ct) is null)
        {
            return false;
        }

        // The sweep repairs the record of a timer that never ran; the flow's own escalation is the timer's to run.
        if (!repaired && timer is { Kind: TimerKind.StepOverdue, TaskId: { } task })
        {
            await runtime.SignalAsync(task, HumanActivity.Overdue, ct);
        }

        return true;
    }

    public async Task<HashSet<string>> RaisedAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct) =>
        [.. await db.Warnings.AsNoTracking().Where(w => caseIds.Contains(w.CaseId)).Select(w => w.Key).ToListAsync(ct)];
}
