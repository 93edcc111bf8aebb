using Approval.Engine.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Supervision;

/// <summary>A message to one user (站内消息), listed in their notifications until read.</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public required string UserName { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public Guid? CaseId { get; set; }

    public long? WarningId { get; set; }

    public Warning? Warning { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.UserName).HasMaxLength(256);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(2000);
        builder.HasIndex(n => new { n.UserName, n.ReadAt });
        builder.HasOne(n => n.Warning).WithMany().HasForeignKey(n => n.WarningId);
    }
}
