using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Deadlines;

/// <summary>
/// One year's holiday arrangement (节假日安排) as the State Council announced it, possibly adjusted
/// by an administrator since. A year without a row is counted Monday to Friday, provisionally.
/// </summary>
public sealed class CalendarYear
{
    public int Year { get; set; }

    /// <summary>Where the data comes from: the notice's title, number and date.</summary>
    public required string Source { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public int ConcurrencyStamp { get; set; }

    /// <summary>The days that differ from Monday-to-Friday: days off and make-up working days.</summary>
    public List<CalendarDay> Days { get; set; } = [];
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> builder)
    {
        builder.ToTable("CalendarYears");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Source).HasMaxLength(500);
        builder.Property(y => y.UpdatedBy).HasMaxLength(256);
        builder.Property(y => y.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasMany(y => y.Days).WithOne().HasForeignKey(d => d.Year).OnDelete(DeleteBehavior.Cascade);
    }
}
