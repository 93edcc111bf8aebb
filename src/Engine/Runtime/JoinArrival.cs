using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Runtime;

/// <summary>A parallel branch that has reached a Join and waits there for the others.</summary>
public sealed class JoinArrival
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public required string JoinId { get; set; }

    public required string Scope { get; set; }

    /// <summary>The connection it came by, as "from:outcome".</summary>
    public required string Connection { get; set; }
}

internal sealed class JoinArrivalConfiguration : IEntityTypeConfiguration<JoinArrival>
{
    public void Configure(EntityTypeBuilder<JoinArrival> builder)
    {
        builder.ToTable("JoinArrivals");
        builder.Property(a => a.JoinId).HasMaxLength(100);
        builder.Property(a => a.Scope).HasMaxLength(400);
        builder.Property(a => a.Connection).HasMaxLength(250);
        builder.HasIndex(a => a.InstanceId);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(a => a.InstanceId);
    }
}
