using Approval.Engine.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Supervision;

/// <summary>
/// A warning, card or escalation of the supervision office (电子监察): what came due, for which
/// case and step, how severe, who was told, and how it was handled.
/// </summary>
public sealed class Warning
{
    public long Id { get; set; }

    /// <summary>Case, kind, step and the deadline day: one warning per deadline, however often its timer runs.</summary>
    public required string Key { get; set; }

    public Guid CaseId { get; set; }

    public Guid? TaskId { get; set; }

    public string? StepName { get; set; }

    public TimerKind Kind { get; set; }

    public Severity Severity { get; set; }

    public string? Department { get; set; }

    /// <summary>The instant the timer was due.</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public int ClockVersion { get; set; }

    /// <summary>The user names told, comma-separated.</summary>
    public string Recipients { get; set; } = "";

    /// <summary>Whom it is escalated to: a role, and for a department's roles, the department.</summary>
    public string? EscalatedToRole { get; set; }

    public WarningStatus Status { get; set; }

    public string? Comment { get; set; }

    public string? HandledBy { get; set; }

    public DateTimeOffset? HandledAt { get; set; }

    /// <summary>The escalation task (督办任务) the card opened in the department head's inbox, for a red card.</summary>
    public Guid? EscalationTaskId { get; set; }

    /// <summary>Recorded by the sweep because its timer never ran.</summary>
    public bool Repaired { get; set; }
}

public enum Severity
{
    Notice,
    Yellow,
    Red,
    Severe,
}

public enum WarningStatus
{
    Open,
    Acknowledged,
    Resolved,
}

internal sealed class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> builder)
    {
        builder.ToTable("Warnings");
        builder.Property(w => w.Key).HasMaxLength(200);
        builder.HasIndex(w => w.Key).IsUnique();
        builder.Property(w => w.StepName).HasMaxLength(200);
        builder.Property(w => w.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(w => w.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Department).HasMaxLength(100);
        builder.Property(w => w.Recipients).HasMaxLength(4000);
        builder.Property(w => w.EscalatedToRole).HasMaxLength(50);
        builder.Property(w => w.Comment).HasMaxLength(2000);
        builder.Property(w => w.HandledBy).HasMaxLength(256);
        builder.HasIndex(w => new { w.Department, w.Status, w.RecordedAt });
        builder.HasIndex(w => w.CaseId);
    }
}
