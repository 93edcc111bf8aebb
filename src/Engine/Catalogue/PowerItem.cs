using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Catalogue;

/// <summary>
/// A power item (事项) of the county's catalogue (权力清单), after GB/T 39046: what may be applied
/// for, who decides it, under which law, within which limits, with which materials.
/// </summary>
public sealed class PowerItem
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>GB/T 39046 A.1 item type code: 01 许可, 07 确认, 20 公共服务 ...</summary>
    public required string ItemType { get; set; }

    /// <summary>The implementing department's code (实施部门).</summary>
    public required string Department { get; set; }

    public required string DepartmentName { get; set; }

    public string LegalBasis { get; set; } = "";

    /// <summary>法定时限, in working days.</summary>
    public int StatutoryLimit { get; set; }

    /// <summary>承诺时限, in working days; at most 70% of the statutory limit, 0 for an instant item.</summary>
    public int PromisedLimit { get; set; }

    public CaseKind CaseKind { get; set; }

    /// <summary>The one-time notification list (一次性告知清单).</summary>
    public List<Material> Materials { get; set; } = [];

    public Fee Fee { get; set; } = new();

    public List<string> IntermediaryServices { get; set; } = [];

    public bool OnlineAvailable { get; set; }

    public string? ConsultationPhone { get; set; }

    public string? SupervisionPhone { get; set; }

    public ItemStatus Status { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    /// <summary>The flow its applications run.</summary>
    public required string DefinitionId { get; set; }

    /// <summary>The share (percent) of the promised time after which the yellow warning comes; null for the platform's.</summary>
    public int? WarningPercent { get; set; }

    /// <summary>Working days an approved extension adds (Art. 42: 10).</summary>
    public int ExtensionDays { get; set; } = 10;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int ConcurrencyStamp { get; set; }
}

/// <summary>即办件 (decided the day it is accepted) or 承诺件 (decided within the promised limit).</summary>
public enum CaseKind
{
    Promised,
    Instant,
}

/// <summary>An item's standing in the catalogue; every change of it is published in the change feed.</summary>
public enum ItemStatus
{
    Active,
    Cancelled,
    Delegated,
    Adjusted,
}

/// <summary>One entry of the one-time notification list.</summary>
public sealed record Material(string Name, string? Issuer, int Originals, int Copies, bool Required);

/// <summary>Whether the item is charged for, how much, and on what basis.</summary>
public sealed record Fee(bool Charged = false, string? Standard = null, string? Basis = null);

internal sealed class PowerItemConfiguration : IEntityTypeConfiguration<PowerItem>
{
    public void Configure(EntityTypeBuilder<PowerItem> builder)
    {
        builder.ToTable("PowerItems");
        builder.HasIndex(i => i.Code).IsUnique();
        builder.HasIndex(i => i.Department);
        builder.Property(i => i.Code).HasMaxLength(50);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.ItemType).HasMaxLength(2);
        builder.Property(i => i.Department).HasMaxLength(100);
        builder.Property(i => i.DepartmentName).HasMaxLength(200);
        builder.Property(i => i.LegalBasis).HasMaxLength(4000);
        builder.Property(i => i.ConsultationPhone).HasMaxLength(50);
        builder.Property(i => i.SupervisionPhone).HasMaxLength(50);
        builder.Property(i => i.DefinitionId).HasMaxLength(100);
        builder.Property(i => i.CaseKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
        builder.OwnsMany(i => i.Materials, m => m.ToJson());
        builder.OwnsOne(i => i.Fee, f => f.ToJson());
    }
}
