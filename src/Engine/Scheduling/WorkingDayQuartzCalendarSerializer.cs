using System.Text.Json;
using Approval.Engine.Deadlines;
using Quartz.Serialization.SystemTextJson.Calendars;

namespace Approval.Engine.Scheduling;

/// <summary>
/// Writes a <see cref="WorkingDayQuartzCalendar"/> into Quartz's store as nothing but its type
/// (Quartz's converter adds the description and time zone around it), and reads one back attached
/// to this node's <see cref="WorkingCalendar"/>. The holiday data stays in the platform's own tables.
/// </summary>
internal sealed class WorkingDayQuartzCalendarSerializer(WorkingCalendar days) : CalendarSerializer<WorkingDayQuartzCalendar>
{
    public override string CalendarTypeName => "ApprovalWorkingDayCalendar";

    protected override WorkingDayQuartzCalendar Create(JsonElement jsonElement, JsonSerializerOptions options) => new(days);

    protected override void SerializeFields(Utf8JsonWriter writer, WorkingDayQuartzCalendar calendar, JsonSerializerOptions options)
    {
    }

    protected override void DeserializeFields(WorkingDayQuartzCalendar calendar, JsonElement jsonElement, JsonSerializerOptions options)
    {
    }
}
