using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Runtime;

/// <summary>One step an instance took: append-only, never changed or removed.</summary>
public sealed class HistoryEntry
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityType { get; set; }

    public string? ActivityName { get; set; }

    public required string Outcome { get; set; }

    /// <summary>The user who acted; null for an automatic step.</summary>
    public string? Actor { get; set; }

    public string? Comment { get; set; }

    public Guid? TaskId { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.ToTable("History");
        builder.Property(h => h.ActivityId).HasMaxLength(100);
        builder.Property(h => h.ActivityType).HasMaxLength(100);
        builder.Property(h => h.ActivityName).HasMaxLength(200);
        builder.Property(h => h.Outcome).HasMaxLength(100);
        builder.Property(h => h.Actor).HasMaxLength(256);
        builder.Property(h => h.Comment).HasMaxLength(2000);
        builder.HasIndex(h => h.InstanceId);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(h => h.InstanceId);
    }
}
