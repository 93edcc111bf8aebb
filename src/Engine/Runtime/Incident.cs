using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Runtime;

/// <summary>Why an instance faulted: the activity that threw and what it said.</summary>
public sealed class Incident
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public required string ActivityId { get; set; }

    public required string ExceptionType { get; set; }

    public required string Message { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.Property(i => i.ActivityId).HasMaxLength(100);
        builder.Property(i => i.ExceptionType).HasMaxLength(300);
        builder.Property(i => i.Message).HasMaxLength(4000);
        builder.HasIndex(i => i.InstanceId);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(i => i.InstanceId);
    }
}
