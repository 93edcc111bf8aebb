using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Runtime;

/// <summary>One run of a published flow version (流程实例). Saved after every step.</summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }

    public required string DefinitionId { get; set; }

    public int DefinitionVersion { get; set; }

    public InstanceStatus Status { get; set; }

    /// <summary>The result its End recorded (Approved, Denied, Refused ...).</summary>
    public string? Result { get; set; }

    /// <summary>The department human steps go to when theirs is not set.</summary>
    public string? Department { get; set; }

    /// <summary>The case data conditions read, as a JSON object.</summary>
    public string Variables { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Bumped by every step: two nodes or two clicks cannot both move the instance.</summary>
    public int Version { get; set; }
}

public enum InstanceStatus
{
    Running,
    Completed,
    Faulted,
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.ToTable("Instances");
        builder.Property(i => i.DefinitionId).HasMaxLength(100);
        builder.Property(i => i.Result).HasMaxLength(50);
        builder.Property(i => i.Department).HasMaxLength(100);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.DefinitionId, i.DefinitionVersion });
        builder.HasIndex(i => i.Status);
    }
}
