using Approval.Engine.Deadlines;

namespace Approval.Engine.Tests.Deadlines;

/// <summary>
/// The deadlines in Deadlines/deadlines.csv were worked out by hand from the State Council notices
/// with a paper calendar, not by running this code: each row is a statement about the law's
/// counting rule that the calculator must agree with.
/// </summary>
public sealed class DeadlineTests
{
    private static readonly WorkingCalendar Calendar = ShippedCalendar.Create();

    public static TheoryData<string, int, string, int, string, bool, string> Rows()
    {
        var rows = new TheoryData<string, int, string, int, string, bool, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Deadlines", "deadlines.csv")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split(',', 7);
            rows.Add(f[0], int.Parse(f[1]), f[2], int.Parse(f[3]), f[4], bool.Parse(f[5]), f[6]);
        }

        return rows;
    }

    [Fact]
    public void Table_HasAtLeastFortyRows()
    {
        Assert.True(Rows().Count >= 40);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Compute_GivesTheHandComputedDeadline(
        string accepted, int days, string pauses, int extensionDays, string expected, bool provisional, string comment)
    {
        var given = pauses.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(".."))
            .Select(p => new DatePause(DateOnly.Parse(p[0]), DateOnly.Parse(p[1])))
            .ToList();

        var deadline = Calendar.Compute(DateOnly.Parse(accepted), days, given, extensionDays);

        Assert.True(
            deadline == new Deadline(DateOnly.Parse(expected), provisional),
            $"{comment}: expected {expected}{(provisional ? " (provisional)" : "")}, got {deadline.Date:yyyy-MM-dd}{(deadline.Provisional ? " (provisional)" : "")}");
    }
}
