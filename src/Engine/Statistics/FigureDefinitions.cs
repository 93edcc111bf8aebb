namespace Approval.Engine.Statistics;

/// <summary>One figure as a report states it: its field, its Chinese name and how it is counted.</summary>
public sealed record FigureDefinition(string Figure, string Name, string Definition);

/// <summary>
/// The definitions every report states beside its figures (after the centre's reference; no national
/// text defines them). Only applications for catalogue items count, and only once accepted: an
/// application refused at the window (不予受理) is neither accepted nor completed. Days are China days.
/// </summary>
internal static class FigureDefinitions
{
    public static IReadOnlyList<FigureDefinition> All { get; } =
    [
        new("accepted", "受理数", "Cases accepted in the period (a deemed acceptance counts on the day of receipt). instantAccepted and promisedAccepted split them by case kind."),
        new("completed", "办结数", "Accepted cases whose flow completed in the period, whenever they were accepted, whatever the result (granted, denied)."),
        new("instantCompleted", "即办件办结数", "Completed cases of instant items (即办件), by the kind the item had when the case was filed."),
        new("promisedCompleted", "承诺件办结数", "Completed cases of promised items (承诺件)."),
        new("instantRatio", "即办件比例", "Instant cases accepted / all cases accepted in the period."),
        new("dailyCompletionRate", "日结率", "For each working day of the period on which cases were accepted: the cases accepted that day and completed the same day / the cases accepted that day; then the mean of those daily rates. Days without acceptances are left out."),
        new("monthCompletionRate", "当月办结率", "Cases accepted in the period and completed in the calendar month of their acceptance / cases accepted in the period (pooled over the period's months)."),
        new("onTimeRate", "按时办结率", "Cases completed in the period on or before their promised deadline / cases completed in the period."),
        new("earlyCompletionRate", "提前办结率", "Promised cases completed in the period before their promised deadline / promised cases completed in the period."),
        new("averagePromisedWorkingDays", "承诺件平均办结时间", "Mean working days from acceptance to completion of the promised cases completed in the period; the acceptance day is not counted and the days special procedures stopped the clocks are left out."),
        new("promisedSpeedUp", "承诺提速", "(statutory limit − promised limit) / statutory limit, averaged over the promised cases completed in the period (cases, not items; a major project's halved limit counts as its case ran)."),
        new("processingSpeedUp", "办理提速", "(statutory limit − working days taken) / statutory limit, averaged over the promised cases completed in the period."),
        new("overdue", "超期件", "overdueCompleted + overdueOpen: cases completed in the period after their promised deadline, and cases still open at the end of the period (or today, if sooner) with their promised deadline before that day. A case a special procedure has stopped at that day (begun before it, not yet ended) counts with its deadline moved by the working days stopped through that day; one begun on or after that day counts as the clock stores it, whole."),
        new("statutoryOverdue", "超法定时限件", "The same, counted against the statutory deadline: statutory overruns counted apart."),
        new("consultations", "咨询量", "Consultations (咨询) logged at the windows on the period's days, by the item asked about (its department) and the window that answered; a general question counts under no item."),
        new("feeCases", "收费件数", "Cases completed in the period on which a fee was charged at certification (收费)."),
        new("feesCharged", "收费金额", "The fees charged at certification on the cases completed in the period, in yuan, as the window recorded them against the item's fee schedule."),
        new("rates", "比率", "Rates are fractions rounded to four places (0.7711 is 77.11%); a rate whose denominator is 0 is null."),
    ];
}
