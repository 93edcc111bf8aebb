using System.Text;
using Approval.Engine.Deadlines;
using Approval.Engine.Scheduling;
using Approval.Engine.Tests.Deadlines;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Quartz.Extensibility;
using Quartz.Impl;
using Quartz.Serialization.SystemTextJson;

namespace Approval.Engine.Tests.Scheduling;

/// <summary>The Quartz calendar over the shipped 2026 holiday data, counted by hand from the State Council's notice.</summary>
public sealed class WorkingDayQuartzCalendarTests
{
    private readonly WorkingCalendar _days = ShippedCalendar.Create();

    [Theory]
    [InlineData("2026-01-04")] // Sunday, make-up day for 元旦
    [InlineData("2026-02-14")] // Saturday, make-up day for 春节
    [InlineData("2026-02-24")] // Tuesday, the first working day after 春节
    [InlineData("2026-02-28")] // Saturday, make-up day for 春节
    [InlineData("2026-10-10")] // Saturday, make-up day for 国庆节
    [InlineData("2026-03-02")] // an ordinary Monday
    public void IncludesEveryMomentOfAWorkingDay(string day)
    {
        var calendar = new WorkingDayQuartzCalendar(_days);

        Assert.True(calendar.IsTimeIncluded(At(day, "00:00")));
        Assert.True(calendar.IsTimeIncluded(At(day, "08:30")));
        Assert.True(calendar.IsTimeIncluded(At(day, "23:59:59")));
    }

    [Theory]
    [InlineData("2026-01-01")] // 元旦, a Thursday
    [InlineData("2026-02-16")] // 春节, a Monday
    [InlineData("2026-02-23")] // the last day of 春节, a Monday
    [InlineData("2026-04-06")] // 清明节, a Monday
    [InlineData("2026-10-07")] // 国庆节, a Wednesday
    [InlineData("2026-03-07")] // an ordinary Saturday
    public void ExcludesEveryMomentOfADayOff(string day)
    {
        var calendar = new WorkingDayQuartzCalendar(_days);

        Assert.False(calendar.IsTimeIncluded(At(day, "00:00")));
        Assert.False(calendar.IsTimeIncluded(At(day, "08:30")));
        Assert.False(calendar.IsTimeIncluded(At(day, "23:59:59")));
    }

    // Guards against counting days in UTC: 00:00 in China is 16:00 UTC the day before.
    [Fact]
    public void DaysAreChinaDays()
    {
        var calendar = new WorkingDayQuartzCalendar(_days);

        Assert.True(calendar.IsTimeIncluded(DateTimeOffset.Parse("2026-02-14T15:59:59Z")));
        Assert.False(calendar.IsTimeIncluded(DateTimeOffset.Parse("2026-02-14T16:00:00Z")));
    }

    [Fact]
    public void NextIncludedTime_FromTheSpringFestival_IsTheStartOfTuesday24February()
    {
        var calendar = new WorkingDayQuartzCalendar(_days);

        Assert.Equal(At("2026-02-24", "00:00"), calendar.GetNextIncludedTimeUtc(At("2026-02-15", "00:00")));
        Assert.Equal(At("2026-02-24", "00:00"), calendar.GetNextIncludedTimeUtc(At("2026-02-19", "10:15")));
        Assert.Equal(At("2026-02-24", "00:00"), calendar.GetNextIncludedTimeUtc(At("2026-02-23", "23:59:59")));
    }

    [Fact]
    public void NextIncludedTime_OfAnIncludedTime_IsThatTime()
    {
        var calendar = new WorkingDayQuartzCalendar(_days);

        Assert.Equal(At("2026-02-14", "08:30"), calendar.GetNextIncludedTimeUtc(At("2026-02-14", "08:30")));
    }

    [Fact]
    public void ADailyTrigger_OnTheCalendar_FiresOnWorkingDaysOnly_AcrossTheSpringFestival()
    {
        var calendar = new WorkingDayQuartzCalendar(_days);
        var trigger = TriggerBuilder.Create(new FakeTimeProvider(At("2026-02-12", "09:00")))
            .WithCronSchedule("0 30 8 * * ?", c => c.InTimeZone(ChinaTime.Zone))
            .Build();

        var fires = TriggerFireTimes.Compute(trigger, calendar, 7);

        Assert.Equal(
            [
                At("2026-02-13", "08:30"), // Friday
                At("2026-02-14", "08:30"), // make-up Saturday; 15-23 February off
                At("2026-02-24", "08:30"),
                At("2026-02-25", "08:30"),
                At("2026-02-26", "08:30"),
                At("2026-02-27", "08:30"),
                At("2026-02-28", "08:30"), // make-up Saturday
            ],
            fires);
    }

    // Quartz keeps calendars in its store: what it reads back must answer from the live holiday
    // data, and what it writes must not freeze a copy of it.
    [Fact]
    public void StoredForm_HoldsNoDays_AndReadsBackAttachedToTheLiveCalendar()
    {
        var serializer = new SystemTextJsonObjectSerializer(Registry());

        var bytes = serializer.Serialize<ICalendar>(new WorkingDayQuartzCalendar(_days));
        var read = serializer.Deserialize<ICalendar>(bytes);

        Assert.DoesNotContain("2026", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.IsType<WorkingDayQuartzCalendar>(read);
        Assert.True(read.IsTimeIncluded(At("2026-02-14", "08:30")));
        Assert.False(read.IsTimeIncluded(At("2026-02-16", "08:30")));
        Assert.False(read.Clone().IsTimeIncluded(At("2026-02-16", "08:30")));
    }

    private SystemTextJsonSerializerRegistry Registry()
    {
        var registry = new SystemTextJsonSerializerRegistry();
        registry.AddCalendarSerializer(new WorkingDayQuartzCalendarSerializer(_days));
        return registry;
    }

    private static DateTimeOffset At(string day, string time) => DateTimeOffset.Parse($"{day}T{time}+08:00");
}
