using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Windows;

/// <summary>
/// A department's request to replace or remove a clerk at a window (窗口人员调换). It runs the
/// window-staff-change flow (same id as its instance): the centre administrator approves or
/// refuses, and an approved change is applied when the flow ends approved.
/// </summary>
public sealed class StaffChange
{
    public Guid Id { get; set; }

    public WorkflowInstance Instance { get; set; } = null!;

    public int WindowId { get; set; }

    public required string WindowNumber { get; set; }

    /// <summary>The requesting department, one the window serves.</summary>
    public required string Department { get; set; }

    public required string OutgoingUserName { get; set; }

    /// <summary>Who takes over; null when the clerk is withdrawn without replacement.</summary>
    public string? IncomingUserName { get; set; }

    public required string Reason { get; set; }

    /// <summary>The outgoing clerk's minimum term was still running when the request was made.</summary>
    public bool Early { get; set; }

    public DateOnly TermEndsOn { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public StaffChangeStatus Status { get; set; }

    /// <summary>What became of it, in words: what was applied, or why it could not be.</summary>
    public string? Detail { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>Pending while its flow runs; then applied, refused, or lapsed (approved, but the staff had changed meanwhile).</summary>
public enum StaffChangeStatus
{
    Pending,
    Applied,
    Refused,
    Lapsed,
}

internal sealed class StaffChangeConfiguration : IEntityTypeConfiguration<StaffChange>
{
    public void Configure(EntityTypeBuilder<StaffChange> builder)
    {
        builder.ToTable("StaffChanges");
        builder.HasOne(c => c.Instance).WithOne().HasForeignKey<StaffChange>(c => c.Id);
        builder.HasOne<ServiceWindow>().WithMany().HasForeignKey(c => c.WindowId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.WindowNumber).HasMaxLength(20);
        builder.Property(c => c.Department).HasMaxLength(100);
        builder.Property(c => c.OutgoingUserName).HasMaxLength(256);
        builder.Property(c => c.IncomingUserName).HasMaxLength(256);
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.Property(c => c.RequestedBy).HasMaxLength(256);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Detail).HasMaxLength(2000);
        builder.HasIndex(c => new { c.Status, c.WindowId });

        // One pending change per clerk leaving, and per clerk named to take over, even with two requests at once.
        builder.HasIndex(c => new { c.WindowId, c.OutgoingUserName }).IsUnique()
            .HasFilter("[Status] = 'Pending'").HasDatabaseName("IX_StaffChanges_OnePendingPerOutgoing");
        builder.HasIndex(c => c.IncomingUserName).IsUnique()
            .HasFilter("[Status] = 'Pending' AND [IncomingUserName] IS NOT NULL").HasDatabaseName("IX_StaffChanges_OnePendingPerIncoming");
    }
}
