using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Deadlines;

/// <summary>A day that is not what its weekday says: a day off (放假) or a make-up working day (调休上班).</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    public int Year { get; set; }

    public CalendarDayKind Kind { get; set; }

    /// <summary>The holiday it belongs to, e.g. 春节.</summary>
    public string? Name { get; set; }
}

public enum CalendarDayKind
{
    /// <summary>A day off, on a weekday or a weekend.</summary>
    Holiday,

    /// <summary>A Saturday or Sunday that is a working day.</summary>
    MakeUpWorkday,
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("CalendarDays");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.HasIndex(d => d.Year);
    }
}
