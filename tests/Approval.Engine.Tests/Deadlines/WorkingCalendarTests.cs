using Approval.Engine.Deadlines;

namespace Approval.Engine.Tests.Deadlines;

public sealed class WorkingCalendarTests
{
    private readonly WorkingCalendar _calendar = ShippedCalendar.Create();

    [Fact]
    public void ShippedFiles_Are2025And2026()
    {
        Assert.Equal([2025, 2026], _calendar.Years);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Year_Has248WorkingDays(int year)
    {
        var dayByDay = 0;
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            dayByDay += _calendar.IsWorkingDay(day) ? 1 : 0;
        }

        Assert.Equal(248, dayByDay);
        Assert.Equal(248, _calendar.CountWorkingDays(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
        Assert.True(_calendar.HasData(year));
    }

    // Every make-up working day of the two notices, typed from the reference, not from the files.
    [Theory]
    [InlineData("2025-01-26")]
    [InlineData("2025-02-08")]
    [InlineData("2025-04-27")]
    [InlineData("2025-09-28")]
    [InlineData("2025-10-11")]
    [InlineData("2026-01-04")]
    [InlineData("2026-02-14")]
    [InlineData("2026-02-28")]
    [InlineData("2026-05-09")]
    [InlineData("2026-09-20")]
    [InlineData("2026-10-10")]
    public void MakeUpWeekendDay_IsAWorkingDay(string date)
    {
        var day = DateOnly.Parse(date);
        Assert.True(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{date} is a weekend day in the notice");
        Assert.True(_calendar.IsWorkingDay(day));
    }

    [Theory]
    [InlineData("2025-01-01", "2025-01-01")]
    [InlineData("2025-01-28", "2025-02-04")]
    [InlineData("2025-04-04", "2025-04-06")]
    [InlineData("2025-05-01", "2025-05-05")]
    [InlineData("2025-05-31", "2025-06-02")]
    [InlineData("2025-10-01", "2025-10-08")]
    [InlineData("2026-01-01", "2026-01-03")]
    [InlineData("2026-02-15", "2026-02-23")]
    [InlineData("2026-04-04", "2026-04-06")]
    [InlineData("2026-05-01", "2026-05-05")]
    [InlineData("2026-06-19", "2026-06-21")]
    [InlineData("2026-09-25", "2026-09-27")]
    [InlineData("2026-10-01", "2026-10-07")]
    public void EveryDayOff_IsNotAWorkingDay(string from, string to)
    {
        for (var day = DateOnly.Parse(from); day <= DateOnly.Parse(to); day = day.AddDays(1))
        {
            Assert.False(_calendar.IsWorkingDay(day), $"{day:yyyy-MM-dd} is a day off");
        }
    }

    [Fact]
    public void YearWithoutData_CountsMondayToFriday_AndIsProvisional()
    {
        Assert.False(_calendar.HasData(2027));
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));   // a Friday; New Year is not known yet
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2027, 1, 2)));  // a Saturday
        Assert.Equal(261, _calendar.CountWorkingDays(new DateOnly(2026, 12, 31), new DateOnly(2027, 12, 31)));
        Assert.True(_calendar.IsProvisional(new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1)));
        Assert.False(_calendar.IsProvisional(new DateOnly(2026, 12, 30), new DateOnly(2026, 12, 31)));
        Assert.Equal(new Deadline(new DateOnly(2027, 1, 1), true), _calendar.Compute(new DateOnly(2026, 12, 31), 1, [], 0));
    }

    // Guards the week-at-a-time shortcut in AddWorkingDays and the running totals behind
    // CountWorkingDays against the plain walk, over holidays, make-up days and years without data.
    [Fact]
    public void AddWorkingDays_AgreesWithAPlainWalk_AndCountUndoesIt()
    {
        for (var from = new DateOnly(2024, 12, 1); from <= new DateOnly(2027, 1, 31); from = from.AddDays(3))
        {
            foreach (var n in new[] { 0, 1, 2, 5, 6, 7, 11, 20, 37, 60, 248, 400 })
            {
                var walked = from;
                for (var left = n; left > 0;)
                {
                    walked = walked.AddDays(1);
                    left -= _calendar.IsWorkingDay(walked) ? 1 : 0;
                }

                Assert.Equal(walked, _calendar.AddWorkingDays(from, n));
                Assert.Equal(n, _calendar.CountWorkingDays(from, walked));
            }
        }
    }

    [Fact]
    public void OverlappingPauses_CountEachDayOnce()
    {
        var accepted = new DateOnly(2025, 3, 3);
        DatePause[] overlapping = [new(new(2025, 3, 4), new(2025, 3, 6)), new(new(2025, 3, 5), new(2025, 3, 7))];
        DatePause[] joined = [new(new(2025, 3, 4), new(2025, 3, 7))];

        Assert.Equal(_calendar.Compute(accepted, 5, joined, 0), _calendar.Compute(accepted, 5, overlapping, 0));
        Assert.Equal(new DateOnly(2025, 3, 13), _calendar.Compute(accepted, 5, overlapping, 0).Date);
    }

    [Fact]
    public void Deadline_EndsAtChinaMidnight_InUtc()
    {
        var deadline = new Deadline(new DateOnly(2025, 2, 5), false);

        Assert.Equal(new DateTimeOffset(2025, 2, 5, 16, 0, 0, TimeSpan.Zero), deadline.EndsAt);
        Assert.Equal(TimeSpan.Zero, deadline.EndsAt.Offset);
        Assert.Equal(new DateOnly(2025, 2, 5), ChinaTime.DateOf(deadline.EndsAt.AddTicks(-1)));
        Assert.Equal(new DateOnly(2025, 2, 6), ChinaTime.DateOf(deadline.EndsAt));
    }

    [Fact]
    public void Validate_ReportsEveryProblemWithWhereItIs()
    {
        var document = new CalendarYearDocument(2026, " ",
        [
            new HolidayDocument("元旦", new(2026, 1, 1), new(2026, 1, 3), [new(2026, 1, 5), new(2026, 1, 3)]),
            new HolidayDocument("", new(2026, 1, 3), new(2027, 1, 1), null),
            new HolidayDocument("春节", new(2026, 2, 23), new(2026, 2, 15), [new(2026, 2, 14), new(2026, 2, 14)]),
            new HolidayDocument("重复", new(2026, 1, 3), new(2026, 1, 4), null),
        ]);

        var problems = document.Validate(2026);

        Assert.Equal(
            ["/source", "/holidays/1/name", "/holidays/1/to", "/holidays/2/to", "/holidays/3/from",
             "/holidays/0/makeUpWorkdays/0", "/holidays/0/makeUpWorkdays/1", "/holidays/2/makeUpWorkdays/1"],
            problems.Select(p => p.Where));
        Assert.Contains("not in 2026", problems[2].Message);
        Assert.Contains("already a day off at /holidays/0/from", problems[4].Message);
        Assert.Contains("must be a Saturday or Sunday", problems[5].Message);
        Assert.Contains("cannot also be a make-up working day", problems[6].Message);
        Assert.Contains("already a make-up working day", problems[7].Message);
        Assert.Equal(["/year"], new CalendarYearDocument(2025, "x", []).Validate(2026).Select(p => p.Where));
        Assert.Equal(["year"], new CalendarYearDocument(null, "x", []).Validate(1999).Select(p => p.Where));
    }
}
