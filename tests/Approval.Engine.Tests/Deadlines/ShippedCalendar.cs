using System.Text.Json;
using Approval.Engine.Deadlines;

namespace Approval.Engine.Tests.Deadlines;

/// <summary>The working-day calendar over the year files the Engine ships (Deadlines/Holidays/*.json), without a database.</summary>
internal static class ShippedCalendar
{
    public static WorkingCalendar Create()
    {
        var calendar = new WorkingCalendar();
        calendar.Load(Years());
        return calendar;
    }

    public static List<CalendarYear> Years() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Deadlines", "Holidays"), "*.json").Order().Select(Read)];

    private static CalendarYear Read(string file)
    {
        var document = JsonSerializer.Deserialize<CalendarYearDocument>(File.ReadAllText(file), CalendarYearDocument.FileOptions)!;
        var year = document.Year!.Value;
        Assert.Empty(document.Validate(year));
        return new CalendarYear { Year = year, Source = document.Source!, Days = document.ToDays(year) };
    }
}
