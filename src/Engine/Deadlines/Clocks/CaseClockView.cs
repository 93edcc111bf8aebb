
using Approval.Engine.Cases;
namespace Approval.Engine.Deadlines;

/// <summary>A case's clocks as the applicant, the clerk and the supervisor read them.</summary>
public sealed record CaseClockView(
    DateOnly ReceivedOn,
    DateOnly CorrectionNoticeDue,
    DateOnly? CorrectionNoticeOn,
    DateOnly? AcceptedOn,
    bool DeemedAccepted,
    int StatutoryLimit,
    int PromisedLimit,
    DateOnly? StatutoryDeadline,
    DateOnly? PromisedDeadline,
    bool Provisional,
    int? WorkingDaysUsed,
    int? WorkingDaysLeft,
    bool Paused,
    IReadOnlyList<PauseView> Pauses,
    ExtensionView Extension,
    DateOnly? DecidedOn,
    DateOnly? CertificateDue,
    IReadOnlyList<ClockEventView> Events)
{
    /// <summary>The timers still to fire (kind, due instant, the clock version they belong to).</summary>
    public IReadOnlyList<TimerView> Timers { get; init; } = [];

    public int ClockVersion { get; init; }

    internal static CaseClockView From(
        Case @case, DateOnly? finishedOn, IReadOnlyList<CasePause> pauses, IReadOnlyList<ClockEvent> events,
        WorkingCalendar calendar, DateOnly today)
    {
        int? used = null, left = null;
        if (@case.AcceptedOn is { } accepted)
        {
            var until = finishedOn ?? today;
            var paused = pauses.Sum(p => calendar.CountWorkingDays(
                Max(p.Start, accepted), Min(p.End ?? today, until)));
            used = calendar.CountWorkingDays(accepted, until) - paused;
            if (@case.PromisedDeadline is { } deadline && finishedOn is null)
            {
                left = today <= deadline ? calendar.CountWorkingDays(today, deadline) : -calendar.CountWorkingDays(deadline, today);
            }
        }

        return new CaseClockView(
            @case.ReceivedOn, calendar.AddWorkingDays(@case.ReceivedOn, CaseClock.CorrectionNoticeDays), @case.CorrectionNoticeOn,
            @case.AcceptedOn, @case.DeemedAccepted, @case.StatutoryLimit, @case.PromisedLimit,
            @case.StatutoryDeadline, @case.PromisedDeadline, @case.DeadlinesProvisional, used, left,
            pauses.Any(p => p.End is null),
            [.. pauses.OrderBy(p => p.Id).Select(p => new PauseView(p.Id, p.Kind, p.Reason, p.Start, p.End, p.StartedBy, p.EndedBy))],
            new ExtensionView(@case.Extension, @case.ExtensionDays, @case.ExtensionReason, @case.ExtensionRequestedBy, @case.ExtensionDecidedBy),
            @case.DecidedOn, @case.CertificateDue,
            [.. events.OrderBy(e => e.Id).Select(e => new ClockEventView(e.Kind, e.Detail, e.StatutoryDeadline, e.PromisedDeadline, e.By, e.At))])
        {
            ClockVersion = @case.ClockVersion,
        };
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

public sealed record TimerView(TimerKind Kind, DateTimeOffset DueAt, int ClockVersion, Guid? TaskId);

public sealed record PauseView(long Id, SpecialProcedure Kind, string Reason, DateOnly Start, DateOnly? End, string StartedBy, string? EndedBy);

public sealed record ExtensionView(ExtensionState State, int Days, string? Reason, string? RequestedBy, string? DecidedBy);

public sealed record ClockEventView(
    ClockEventKind Kind, string Detail, DateOnly? StatutoryDeadline, DateOnly? PromisedDeadline, string? By, DateTimeOffset At);
