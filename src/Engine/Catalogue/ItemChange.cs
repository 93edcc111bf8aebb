using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Catalogue;

/// <summary>One published change of the catalogue (动态公布): a new, cancelled, delegated or adjusted item.</summary>
public sealed class ItemChange
{
    public long Id { get; set; }

    public required string ItemCode { get; set; }

    public required string ItemName { get; set; }

    public required string Department { get; set; }

    public ChangeKind Kind { get; set; }

    /// <summary>The day the change takes effect (China date).</summary>
    public DateOnly EffectiveDate { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? Note { get; set; }
}

public enum ChangeKind
{
    New,
    Adjusted,
    Cancelled,
    Delegated,
}

internal sealed class ItemChangeConfiguration : IEntityTypeConfiguration<ItemChange>
{
    public void Configure(EntityTypeBuilder<ItemChange> builder)
    {
        builder.ToTable("ItemChanges");
        builder.Property(c => c.ItemCode).HasMaxLength(50);
        builder.Property(c => c.ItemName).HasMaxLength(200);
        builder.Property(c => c.Department).HasMaxLength(100);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Note).HasMaxLength(2000);
        builder.HasIndex(c => c.EffectiveDate);
    }
}
