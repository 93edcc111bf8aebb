using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Consultations;

/// <summary>
/// A consultation (咨询) answered at a window: which item it was about, the question in a line, who
/// answered and where. The statistics count them (咨询量) by day, department, window and item.
/// </summary>
public sealed class Consultation
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The China day it was answered.</summary>
    public DateOnly Day { get; set; }

    /// <summary>The item asked about; null for a general question (where to go, what the centre does).</summary>
    public string? ItemCode { get; set; }

    /// <summary>The item's department when it was asked, for the statistics.</summary>
    public string? Department { get; set; }

    /// <summary>The window that answered, from the clerk's window.</summary>
    public string? Window { get; set; }

    public required string Question { get; set; }

    public ConsultationChannel Channel { get; set; }

    public required string AnsweredBy { get; set; }
}

/// <summary>How the question came.</summary>
public enum ConsultationChannel
{
    /// <summary>In person, at the window (现场).</summary>
    Window,

    /// <summary>By phone (电话).</summary>
    Phone,
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.ToTable("Consultations");
        builder.Property(c => c.ItemCode).HasMaxLength(50);
        builder.Property(c => c.Department).HasMaxLength(100);
        builder.Property(c => c.Window).HasMaxLength(50);
        builder.Property(c => c.Question).HasMaxLength(LogConsultation.MaxQuestion);
        builder.Property(c => c.AnsweredBy).HasMaxLength(256);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => c.Day);
    }
}
