using Approval.Activities.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Runtime;

/// <summary>
/// Work waiting for someone with <see cref="Role"/> (and <see cref="Department"/>) to complete it:
/// a human step of the flow, or an escalation the supervision chain opened on the case.
/// </summary>
public sealed class WorkflowTask
{
    public Guid Id { get; set; }

    /// <summary>A step of the flow, or an escalation task that stands beside it and never moves the flow.</summary>
    public TaskKind Kind { get; set; }

    public Guid InstanceId { get; set; }

    public WorkflowInstance Instance { get; set; } = null!;

    public required string ActivityId { get; set; }

    public required string ActivityType { get; set; }

    public required string Name { get; set; }

    public required string Role { get; set; }

    public string? Department { get; set; }

    /// <summary>The parallel branch the task belongs to ("" outside any Fork).</summary>
    public string Scope { get; set; } = "";

    /// <summary>The step's own limit in working days, when its activity sets one.</summary>
    public int? LimitDays { get; set; }

    /// <summary>The China day by whose end the step is due (步骤时限), when it has a limit.</summary>
    public DateOnly? DueOn { get; set; }

    public WorkTaskStatus Status { get; set; }

    public string? Outcome { get; set; }

    public string? CompletedBy { get; set; }

    public string? Comment { get; set; }

    /// <summary>The legal basis (法律依据) the person cited with the outcome: a refusal's, printed on its notice.</summary>
    public string? LegalBasis { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

public enum TaskKind
{
    /// <summary>A human activity of the case's flow.</summary>
    Step,

    /// <summary>A card to handle (督办), opened by the supervision chain; completing it resolves the card.</summary>
    Escalation,
}

/// <summary>
/// The outcomes a task offers that is no step of a flow (a step's come from its activity's descriptor):
/// known here, beside <see cref="TaskKind"/>, so that the inbox lists them without knowing the supervision chain.
/// </summary>
public static class TaskKindOutcomes
{
    /// <summary>An escalation task's one outcome: the head has dealt with it and says how.</summary>
    public const string Handled = "Handled";

    public static IReadOnlyList<OutcomeDescriptor> Escalation { get; } = [new(Handled, "已督办")];

    public static IReadOnlyList<OutcomeDescriptor>? Of(TaskKind kind) => kind == TaskKind.Escalation ? Escalation : null;
}

public enum WorkTaskStatus
{
    Open,
    Completed,
    Cancelled,
}

internal sealed class WorkflowTaskConfiguration : IEntityTypeConfiguration<WorkflowTask>
{
    public void Configure(EntityTypeBuilder<WorkflowTask> builder)
    {
        builder.ToTable("Tasks");
        builder.Property(t => t.ActivityId).HasMaxLength(100);
        builder.Property(t => t.ActivityType).HasMaxLength(100);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Role).HasMaxLength(50);
        builder.Property(t => t.Department).HasMaxLength(100);
        builder.Property(t => t.Scope).HasMaxLength(400);
        builder.Property(t => t.Outcome).HasMaxLength(100);
        builder.Property(t => t.CompletedBy).HasMaxLength(256);
        builder.Property(t => t.Comment).HasMaxLength(2000);
        builder.Property(t => t.LegalBasis).HasMaxLength(1000);
        builder.HasOne(t => t.Instance).WithMany().HasForeignKey(t => t.InstanceId);

        // The inbox: open tasks by role and department, oldest first.
        builder.HasIndex(t => new { t.Role, t.Department, t.CreatedAt })
            .HasDatabaseName("IX_Tasks_Inbox")
            .HasFilter("[Status] = 0");
        builder.HasIndex(t => new { t.InstanceId, t.Status });
    }
}
