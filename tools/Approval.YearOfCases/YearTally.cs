using Approval.Engine.Catalogue;
using Approval.Engine.Deadlines;
using Approval.Engine.Statistics;

namespace Approval.YearOfCases;

/// <summary>What the simulation did to one application: the days it was received, accepted and completed, its pauses and extension.</summary>
internal sealed class CaseFacts(CaseKind kind, int promisedLimit, int statutoryLimit)
{
    public CaseKind Kind { get; } = kind;

    public int PromisedLimit { get; } = promisedLimit;

    public int StatutoryLimit { get; } = statutoryLimit;

    public DateOnly ReceivedOn { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public int ExtensionDays { get; set; }

    public List<(DateOnly Start, DateOnly? End)> Pauses { get; } = [];
}

/// <summary>The figures the simulation expects of a period, counted case by case from what it did, not from the platform's totals.</summary>
internal sealed record ExpectedFigures(
    int Accepted, int InstantAccepted, int Completed, int InstantCompleted, int CompletedSameDay, int CompletedSameMonth,
    int CompletedOnTime, int CompletedEarly, int OverdueCompleted, int OverdueOpen, int StatutoryOverdue,
    double? DailyCompletionRate, double? AveragePromisedWorkingDays, double? ProcessingSpeedUp);

/// <summary>
/// Every application the simulation took through the platform, and the figures they make, counted
/// from the cases one by one with the definitions (<see cref="FigureDefinitions"/>): the reference the
/// platform's report is checked against.
/// </summary>
internal sealed class YearTally(IReadOnlyList<CaseFacts> cases)
{
    public IReadOnlyList<CaseFacts> Cases { get; } = cases;

    public ExpectedFigures Figures(DateOnly from, DateOnly to, WorkingCalendar calendar)
    {
        bool In(DateOnly? day) => day >= from && day <= to;
        var accepted = Cases.Where(c => In(c.AcceptedOn)).ToList();
        var completed = Cases.Where(c => c.AcceptedOn is not null && In(c.CompletedOn)).ToList();
        var promised = completed.Where(c => c.Kind == CaseKind.Promised).ToList();
        // A pause under way at the day counts through it; otherwise the deadline is the stored one, ended pauses whole.
        DateOnly Deadline(CaseFacts c, int limit, DateOnly through) => calendar.AddWorkingDays(
            c.AcceptedOn!.Value, limit + c.ExtensionDays + (c.Pauses.Any(p => p.Start < through && !(p.End <= through))
                ? c.Pauses.Sum(p => calendar.CountWorkingDays(Max(p.Start, c.AcceptedOn!.Value), Min(p.End ?? through, through)))
                : c.Pauses.Where(p => p.End is not null).Sum(p => calendar.CountWorkingDays(Max(p.Start, c.AcceptedOn!.Value), p.End!.Value))));
        int Taken(CaseFacts c) => calendar.CountWorkingDays(c.AcceptedOn!.Value, c.CompletedOn!.Value)
            - c.Pauses.Sum(p => calendar.CountWorkingDays(Max(p.Start, c.AcceptedOn!.Value), Min(p.End ?? c.CompletedOn!.Value, c.CompletedOn!.Value)));
        bool OpenAt(CaseFacts c, DateOnly day) => c.AcceptedOn <= day && !(c.CompletedOn <= day);

        var daily = accepted.Where(c => calendar.IsWorkingDay(c.AcceptedOn!.Value)).GroupBy(c => c.AcceptedOn)
            .Select(d => (double)d.Count(c => c.CompletedOn == d.Key) / d.Count()).ToList();
        return new ExpectedFigures(
            accepted.Count,
            accepted.Count(c => c.Kind == CaseKind.Instant),
            completed.Count,
            completed.Count(c => c.Kind == CaseKind.Instant),
            accepted.Count(c => c.CompletedOn == c.AcceptedOn),
            accepted.Count(c => c.CompletedOn is { } done && done.Year == c.AcceptedOn!.Value.Year && done.Month == c.AcceptedOn.Value.Month),
            completed.Count(c => c.CompletedOn <= Deadline(c, c.PromisedLimit, c.CompletedOn!.Value)),
            promised.Count(c => c.CompletedOn < Deadline(c, c.PromisedLimit, c.CompletedOn!.Value)),
            completed.Count(c => c.CompletedOn > Deadline(c, c.PromisedLimit, c.CompletedOn!.Value)),
            Cases.Count(c => OpenAt(c, to) && Deadline(c, c.PromisedLimit, to) < to),
            completed.Count(c => c.CompletedOn > Deadline(c, c.StatutoryLimit, c.CompletedOn!.Value))
                + Cases.Count(c => OpenAt(c, to) && Deadline(c, c.StatutoryLimit, to) < to),
            daily.Count == 0 ? null : Math.Round(daily.Average(), 4),
            promised.Count == 0 ? null : Math.Round(promised.Average(c => (double)Taken(c)), 2),
            promised.Count == 0 ? null : Math.Round(promised.Average(c => (double)(c.StatutoryLimit - Taken(c)) / c.StatutoryLimit), 4));
    }

    /// <summary>The platform's row, in the same terms.</summary>
    public static ExpectedFigures Reported(FigureRow row) => new(
        row.Accepted, row.InstantAccepted, row.Completed, row.InstantCompleted, row.CompletedSameDay, row.CompletedSameMonth,
        row.CompletedOnTime, row.CompletedEarly, row.OverdueCompleted, row.OverdueOpen, row.StatutoryOverdue,
        row.DailyCompletionRate, row.AveragePromisedWorkingDays, row.ProcessingSpeedUp);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
