using Approval.Engine.Cases;
using Approval.Activities.Contract;
using Approval.Activities.Human;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>Moves a case's clocks as its flow moves: acceptance, correction, decision; and gives steps their due dates.</summary>
internal sealed class CaseClockObserver(ApprovalDbContext db, CaseClock clocks, WorkingCalendar calendar, TimerSchedule timers) : IStepObserver
{
    public ValueTask TaskOpenedAsync(WorkflowInstance instance, WorkflowTask task, CancellationToken ct)
    {
        if (task.LimitDays is { } days)
        {
            task.DueOn = calendar.AddWorkingDays(clocks.Today, days);
            timers.Mark(instance.Id);
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask TaskCompletedAsync(CompletedStep step, CancellationToken ct)
    {
        // Only acceptance, correction and decision move the clocks; other steps need not read the case.
        var purpose = step.Activity.Purpose;
        if (purpose is not (ActivityPurpose.Acceptance or ActivityPurpose.Decision)
            || await CaseOfAsync(step.Instance, ct) is not { ItemCode: not null } @case)
        {
            return;
        }

        var by = step.Task.CompletedBy;
        switch (purpose, step.Outcome)
        {
            case (ActivityPurpose.Acceptance, Accept.Accepted):
                await clocks.AcceptAsync(@case, by, ct);
                break;
            case (ActivityPurpose.Acceptance, Accept.NeedsCorrection):
                await clocks.CorrectionNoticeAsync(@case, by, ct);
                break;
            case (ActivityPurpose.Decision, _):
                clocks.Decide(@case, step.Outcome == Decide.Grant, by);
                break;
        }

        // The window that accepted it (a late correction notice accepts it too), for the statistics by window: the
        // clerk's current seat, as the desk and the case scope read it, not the window of a sign-in made before a move.
        if (purpose == ActivityPurpose.Acceptance && @case.AcceptedOn is not null && @case.AcceptedWindow is null)
        {
            var clerk = step.Actor;
            @case.AcceptedWindow = await db.WindowAssignments.AsNoTracking()
                .Where(a => a.UserId == clerk.UserId && a.EndedOn == null)
                .Select(a => a.Window.Number)
                .FirstOrDefaultAsync(ct) ?? clerk.Window;
        }
    }

    public async ValueTask InstanceFinishedAsync(WorkflowInstance instance, CancellationToken ct)
    {
        // Whatever timers a running case had are stale now.
        if (await CaseOfAsync(instance, ct) is { } @case)
        {
            @case.ClockVersion++;
            if (instance is { Status: InstanceStatus.Completed, CompletedAt: { } at } && @case.ItemCode is not null)
            {
                await clocks.CompleteAsync(@case, ChinaTime.DateOf(at), ct);
            }
        }
    }

    public async ValueTask StepSavedAsync(CancellationToken ct) => await timers.FlushAsync(ct);

    private async Task<Case?> CaseOfAsync(WorkflowInstance instance, CancellationToken ct) =>
        db.Cases.Local.FirstOrDefault(c => c.Id == instance.Id)
        ?? await db.Cases.FirstOrDefaultAsync(c => c.Id == instance.Id, ct);
}
