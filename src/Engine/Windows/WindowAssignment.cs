using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Windows;

/// <summary>
/// A clerk's service at a window (窗口人员), from <see cref="StartedOn"/> until it ends. A clerk
/// serves at one window at a time, at least the minimum term (two years by default) unless the
/// centre approves an earlier change. Ended assignments are kept as the window's record.
/// </summary>
public sealed class WindowAssignment
{
    public long Id { get; set; }

    public int WindowId { get; set; }

    public ServiceWindow Window { get; set; } = null!;

    public required string UserId { get; set; }

    public required string UserName { get; set; }

    public string? DisplayName { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string? AssignedBy { get; set; }

    public string? EndedBy { get; set; }

    public string? EndReason { get; set; }

    /// <summary>The approved staff change that ended or began it, if one did.</summary>
    public Guid? StaffChangeId { get; set; }
}

internal sealed class WindowAssignmentConfiguration : IEntityTypeConfiguration<WindowAssignment>
{
    public void Configure(EntityTypeBuilder<WindowAssignment> builder)
    {
        builder.ToTable("WindowAssignments");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.DisplayName).HasMaxLength(100);
        builder.Property(a => a.AssignedBy).HasMaxLength(256);
        builder.Property(a => a.EndedBy).HasMaxLength(256);
        builder.Property(a => a.EndReason).HasMaxLength(2000);
        builder.HasOne(a => a.Window).WithMany().HasForeignKey(a => a.WindowId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.WindowId, a.EndedOn });

        // A clerk serves at one window at a time, even with two administrators at once.
        builder.HasIndex(a => a.UserId).IsUnique().HasFilter("[EndedOn] IS NULL").HasDatabaseName("IX_WindowAssignments_OneCurrent");
    }
}
