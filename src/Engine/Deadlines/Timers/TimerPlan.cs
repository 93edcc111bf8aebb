using Approval.Engine.Cases;
using Approval.Engine.Runtime;

namespace Approval.Engine.Deadlines;

/// <summary>One timer a case has: what it watches, when it is due, and the deadline day it belongs to.</summary>
public sealed record PlannedTimer(TimerKind Kind, DateTimeOffset DueAt, DateOnly Deadline, Guid? TaskId = null, string? StepName = null)
{
    /// <summary>One warning per case, kind, step and deadline day.</summary>
    public string Key(Guid caseId) => $"{caseId:N}:{Kind}:{TaskId?.ToString("N") ?? "-"}:{Deadline:yyyyMMdd}";
}

/// <summary>
/// Works out every timer of a case from its clocks, the same way each time: the timers a case
/// should have are a function of its state, so a stale timer or a lost one can always be judged.
/// </summary>
internal sealed class TimerPlanner(WorkingCalendar calendar, IConfiguration configuration)
{
    /// <summary>Supervision:YellowThreshold, the share of the promised working time after which the yellow warning comes (default 0.9).</summary>
    public double YellowThreshold => Math.Clamp(configuration.GetValue("Supervision:YellowThreshold", 0.9), 0.1, 1.0);

    /// <summary>The case's timers; none while it is paused or once it is finished.</summary>
    public IReadOnlyList<PlannedTimer> Plan(Case @case, IReadOnlyList<DatePause> pauses, bool paused, IEnumerable<WorkflowTask> openTasks)
    {
        var timers = new List<PlannedTimer>();
        if (@case.ItemCode is null || @case.Instance.Status != InstanceStatus.Running || paused)
        {
            return timers;
        }

        if (@case.AcceptedOn is not { } accepted)
        {
            var due = calendar.AddWorkingDays(@case.ReceivedOn, CaseClock.CorrectionNoticeDays);
            if (@case.CorrectionNoticeOn is null)
            {
                timers.Add(new(TimerKind.CorrectionNotice, ChinaTime.EndOf(due), due));
            }
        }
        else
        {
            var extension = @case.Extension == ExtensionState.Approved ? @case.ExtensionDays : 0;
            if (@case.PromisedDeadline is { } promised)
            {
                var total = @case.PromisedLimit + extension;
                if (total > 0)
                {
                    // The start of the working day on which the threshold is reached, and never later than the last one's start.
                    var threshold = @case.WarningPercent / 100.0 ?? YellowThreshold;
                    var day = Math.Min((int)Math.Floor(threshold * total) + 1, total);
                    var yellow = calendar.Compute(accepted, day, pauses, 0).Date;
                    timers.Add(new(TimerKind.Yellow, ChinaTime.StartOf(yellow), promised));
                }

                timers.Add(new(TimerKind.Red, ChinaTime.EndOf(promised), promised));
            }

            if (@case.StatutoryDeadline is { } statutory)
            {
                timers.Add(new(TimerKind.StatutoryBreach, ChinaTime.EndOf(statutory), statutory));
            }
        }

        foreach (var task in openTasks.Where(t => t.DueOn is not null))
        {
            timers.Add(new(TimerKind.StepWarning, ChinaTime.StartOf(task.DueOn!.Value), task.DueOn.Value, task.Id, task.Name));
            timers.Add(new(TimerKind.StepOverdue, ChinaTime.EndOf(task.DueOn.Value), task.DueOn.Value, task.Id, task.Name));
        }

        return timers;
    }
}
