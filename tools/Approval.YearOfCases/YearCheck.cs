using System.Globalization;
using System.Text;
using Approval.Engine.Deadlines;
using Approval.Engine.Statistics;

namespace Approval.YearOfCases;

/// <summary>Holds the platform's report against what the simulation did, month by month and for the whole period.</summary>
internal static class YearCheck
{
    /// <summary>Each figure of each row that differs from the simulation's own count, as "2025-03 completed: reported 2 201, expected 2 202".</summary>
    public static List<string> Differences(StatisticsReportResponse report, YearTally tally, WorkingCalendar calendar)
    {
        var differences = new List<string>();
        foreach (var row in report.Rows.Append(report.Total))
        {
            var reported = YearTally.Reported(row);
            var expected = tally.Figures(row.From, row.To, calendar);
            foreach (var property in typeof(ExpectedFigures).GetProperties())
            {
                var (r, e) = (property.GetValue(reported), property.GetValue(expected));
                // Rates are rounded to four places from sums taken in another order: the last place may differ.
                if (r is double a && e is double b ? Math.Abs(a - b) > 0.00011 : !Equals(r, e))
                {
                    differences.Add($"{row.Period} {property.Name}: reported {r?.ToString() ?? "null"}, expected {e?.ToString() ?? "null"}");
                }
            }
        }

        return differences;
    }

    /// <summary>The report as a table: a line per month, then the whole period.</summary>
    public static string Table(StatisticsReportResponse report)
    {
        var text = new StringBuilder();
        text.AppendLine(Line("period", "accepted", "instant", "completed", "instant", "same day", "same month", "on time", "overdue", "daily rate", "month rate", "avg days", "processing"));
        foreach (var row in report.Rows.Append(report.Total))
        {
            text.AppendLine(Line(
                row.Period, N(row.Accepted), N(row.InstantAccepted), N(row.Completed), N(row.InstantCompleted), N(row.CompletedSameDay),
                N(row.CompletedSameMonth), N(row.CompletedOnTime), N(row.Overdue), P(row.DailyCompletionRate), P(row.MonthCompletionRate),
                row.AveragePromisedWorkingDays?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-", P(row.ProcessingSpeedUp)));
        }

        var total = report.Total;
        text.AppendLine(CultureInfo.InvariantCulture, $"instant ratio {P(total.InstantRatio)}, on-time rate {P(total.OnTimeRate)}, early completion {P(total.EarlyCompletionRate)}, promised speed-up {P(total.PromisedSpeedUp)}, overdue {total.Overdue} (completed late {total.OverdueCompleted}, open at the end {total.OverdueOpen}), statutory overruns {total.StatutoryOverdue}");
        return text.ToString();
    }

    private static string Line(params string[] cells) =>
        string.Join(" ", cells.Select((c, i) => i == 0 ? c.PadRight(22) : c.PadLeft(10)));

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string P(double? rate) => rate is { } r ? (r * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "-";
}
