using Approval.Engine.Deadlines;
using Approval.Activities.Contract;
using Approval.Activities.Flow;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

/// <summary>Records what a flow's Escalate activities ask for, once the step that ran them is saved.</summary>
internal sealed class EscalationObserver(ApprovalDbContext db, WarningRecorder recorder) : IStepObserver
{
    // A set: a step retried after a concurrency conflict runs its Escalate again, but escalates once.
    private readonly HashSet<(Guid CaseId, string Step, string Role, Severity Severity)> _pending = [];

    public ValueTask TaskOpenedAsync(WorkflowInstance instance, WorkflowTask task, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask TaskCompletedAsync(CompletedStep step, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask InstanceFinishedAsync(WorkflowInstance instance, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask EscalatedAsync(WorkflowInstance instance, string activityName, ActivityResult.Escalated escalation, CancellationToken ct)
    {
        var role = escalation.To switch
        {
            Escalate.Handler => Roles.DepartmentHandler,
            Escalate.SupervisionOffice => Roles.Supervisor,
            Escalate.NamedRole => escalation.Role ?? Roles.DepartmentHead,
            _ => Roles.DepartmentHead,
        };
        _pending.Add((instance.Id, activityName, role, Enum.TryParse<Severity>(escalation.Severity, out var s) ? s : Severity.Red));
        return ValueTask.CompletedTask;
    }

    public async ValueTask StepSavedAsync(CancellationToken ct)
    {
        foreach (var (caseId, step, role, severity) in _pending)
        {
            var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
            if (@case is not null)
            {
                await recorder.RecordEscalationAsync(@case, step, role, severity, ct);
            }
        }

        _pending.Clear();
    }
}
