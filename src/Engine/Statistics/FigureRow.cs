namespace Approval.Engine.Statistics;

/// <summary>
/// One row of a report: the figures of one period for one group (the centre, a department, a
/// window or an item), as <see cref="FigureDefinitions"/> defines them. Rates are fractions.
/// </summary>
public sealed record FigureRow(
    string Period,
    DateOnly From,
    DateOnly To,
    string Group,
    string? Key,
    string Name,
    int Accepted,
    int InstantAccepted,
    int PromisedAccepted,
    int Completed,
    int InstantCompleted,
    int PromisedCompleted,
    int CompletedSameDay,
    int CompletedSameMonth,
    int CompletedOnTime,
    int CompletedEarly,
    double? InstantRatio,
    double? DailyCompletionRate,
    double? MonthCompletionRate,
    double? OnTimeRate,
    double? EarlyCompletionRate,
    double? AveragePromisedWorkingDays,
    double? PromisedSpeedUp,
    double? ProcessingSpeedUp,
    int Overdue,
    int OverdueCompleted,
    int OverdueOpen,
    int StatutoryOverdue,
    int StatutoryOverdueCompleted,
    int StatutoryOverdueOpen,
    int Consultations = 0,
    int FeeCases = 0,
    decimal FeesCharged = 0);

/// <summary>The sums one row is made of, added up from <see cref="DayTotal"/>s and the open cases at the period's end.</summary>
internal sealed class FigureSums
{
    private int _accepted, _acceptedInstant, _sameDay, _sameMonth, _completed, _completedInstant, _onTime, _early, _statutoryLate, _workingDays;
    private double _promisedSpeedUp, _processingSpeedUp, _dailyRates;
    private int _dailyRateDays;

    /// <summary>Cases open at the end of the period past their promised (statutory) deadline.</summary>
    public int OverdueOpen { get; set; }

    public int StatutoryOverdueOpen { get; set; }

    private int _consultations, _feeCases;
    private decimal _fees;

    /// <summary>Consultations answered, and fees charged on the cases completed, on a day of the group (<see cref="SideFigure"/>).</summary>
    public void Add(SideFigure side)
    {
        _consultations += side.Consultations;
        _feeCases += side.FeeCases;
        _fees += side.Fees;
    }

    public void Add(DayTotal t)
    {
        _accepted += t.Accepted;
        _acceptedInstant += t.AcceptedInstant;
        _sameDay += t.CompletedSameDay;
        _sameMonth += t.CompletedSameMonth;
        _completed += t.Completed;
        _completedInstant += t.CompletedInstant;
        _onTime += t.CompletedOnTime;
        _early += t.CompletedEarly;
        _statutoryLate += t.CompletedStatutoryLate;
        _workingDays += t.PromisedWorkingDays;
        _promisedSpeedUp += t.PromisedSpeedUpSum;
        _processingSpeedUp += t.ProcessingSpeedUpSum;
    }

    /// <summary>One working day's rate of cases completed on the day they were accepted.</summary>
    public void AddDailyRate(double rate)
    {
        _dailyRates += rate;
        _dailyRateDays++;
    }

    public FigureRow ToRow(string period, DateOnly from, DateOnly to, string group, string? key, string name)
    {
        var promisedCompleted = _completed - _completedInstant;
        return new FigureRow(
            period, from, to, group, key, name,
            _accepted, _acceptedInstant, _accepted - _acceptedInstant,
            _completed, _completedInstant, promisedCompleted,
            _sameDay, _sameMonth, _onTime, _early,
            Rate(_acceptedInstant, _accepted),
            _dailyRateDays == 0 ? null : Math.Round(_dailyRates / _dailyRateDays, 4),
            Rate(_sameMonth, _accepted),
            Rate(_onTime, _completed),
            Rate(_early, promisedCompleted),
            promisedCompleted == 0 ? null : Math.Round((double)_workingDays / promisedCompleted, 2),
            Rate(_promisedSpeedUp, promisedCompleted),
            Rate(_processingSpeedUp, promisedCompleted),
            _completed - _onTime + OverdueOpen, _completed - _onTime, OverdueOpen,
            _statutoryLate + StatutoryOverdueOpen, _statutoryLate, StatutoryOverdueOpen,
            _consultations, _feeCases, _fees);
    }

    private static double? Rate(double part, int whole) => whole == 0 ? null : Math.Round(part / whole, 4);
}

/// <summary>
/// Figures a report takes from beside the day totals: the consultations a window answered (咨询量) on a
/// day, and the fees (收费) charged on the cases completed that day, by department, item and window.
/// </summary>
internal sealed record SideFigure(DateOnly Day, string Department, string ItemCode, string Window, int Consultations, int FeeCases, decimal Fees);
