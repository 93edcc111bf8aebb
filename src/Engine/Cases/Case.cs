using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Cases;

/// <summary>An application (辦件): who applied, for what, and the flow instance that runs it (same id).</summary>
public sealed class Case
{
    public Guid Id { get; set; }

    public WorkflowInstance Instance { get; set; } = null!;

    /// <summary>The applicant's details as given (name, id number, phone ...), a JSON object.</summary>
    public string Applicant { get; set; } = "{}";

    /// <summary>The catalogue item applied for; null for a flow tried out by an administrator.</summary>
    public string? ItemCode { get; set; }

    /// <summary>The materials handed in, a JSON array of {name, originals, copies}.</summary>
    public string Materials { get; set; } = "[]";

    /// <summary>A major investment project (重大投資項目): its promised target is half the item's.</summary>
    public bool MajorProject { get; set; }

    /// <summary>The department that handles it (承辦部門).</summary>
    public string? Department { get; set; }

    /// <summary>The user who filed it: the applicant on line, or the clerk at the window.</summary>
    public required string CreatedBy { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.Department).HasMaxLength(100);
        builder.Property(c => c.CreatedBy).HasMaxLength(450);
        builder.HasOne(c => c.Instance).WithOne().HasForeignKey<Case>(c => c.Id);
        builder.Property(c => c.ItemCode).HasMaxLength(50);
        builder.HasIndex(c => c.ItemCode);
        builder.HasIndex(c => c.CreatedBy);
        builder.HasIndex(c => c.ReceivedAt);
    }
}
