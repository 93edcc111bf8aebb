using Approval.Engine.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Deadlines;

/// <summary>Something that started, moved or stopped a case's clocks, with the deadlines after it.</summary>
public sealed class ClockEvent
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public ClockEventKind Kind { get; set; }

    public required string Detail { get; set; }

    public DateOnly? StatutoryDeadline { get; set; }

    public DateOnly? PromisedDeadline { get; set; }

    public string? By { get; set; }

    public DateTimeOffset At { get; set; }
}

public enum ClockEventKind
{
    CorrectionNotice,
    Accepted,
    DeemedAccepted,
    Paused,
    Resumed,
    ExtensionRequested,
    Extended,
    ExtensionRefused,
    Decided,
    Recomputed,

    /// <summary>An instant item the window could not settle on the spot went to the department with a reply limit.</summary>
    Referred,
}

internal sealed class ClockEventConfiguration : IEntityTypeConfiguration<ClockEvent>
{
    public void Configure(EntityTypeBuilder<ClockEvent> builder)
    {
        builder.ToTable("ClockEvents");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.Property(e => e.By).HasMaxLength(256);
        builder.HasIndex(e => e.CaseId);
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId);
    }
}
