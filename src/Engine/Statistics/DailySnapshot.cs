using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Statistics;

/// <summary>
/// One department's figures for one China day (每日统计快照), as <see cref="StatisticsSnapshot"/>
/// counted them at <see cref="TakenAt"/>. Taking a day again replaces its rows.
/// </summary>
public sealed class DailySnapshot
{
    public long Id { get; set; }

    public DateOnly Day { get; set; }

    public required string Department { get; set; }

    /// <summary>Cases accepted on the day (受理数).</summary>
    public int Accepted { get; set; }

    /// <summary>Accepted cases completed on the day (办结数), whenever they were accepted.</summary>
    public int Completed { get; set; }

    /// <summary>Cases past their promised deadline on the day (超期件): still open at its end, or completed on it late.</summary>
    public int Overdue { get; set; }

    public DateTimeOffset TakenAt { get; set; }
}

internal sealed class DailySnapshotConfiguration : IEntityTypeConfiguration<DailySnapshot>
{
    public void Configure(EntityTypeBuilder<DailySnapshot> builder)
    {
        builder.ToTable("DailySnapshots");
        builder.Property(s => s.Department).HasMaxLength(100);
        builder.HasIndex(s => new { s.Day, s.Department }).IsUnique();
    }
}
