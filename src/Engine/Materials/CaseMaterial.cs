using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Materials;

/// <summary>
/// A file handed in for one of a case's materials (申请材料): which material it is, what it is by its
/// own bytes, and who gave it when. The bytes sit in the material store under <see cref="Sha256"/>.
/// </summary>
public sealed class CaseMaterial
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The material on the item's list (or the case's) this file is.</summary>
    public required string MaterialName { get; set; }

    /// <summary>The uploader's file name, reduced to safe characters; shown and offered on download, never used as a path.</summary>
    public required string FileName { get; set; }

    /// <summary>The type its first bytes say it is, never the one the uploader declared.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes: the file's name in the store, so a file given twice is kept once.</summary>
    public required string Sha256 { get; set; }

    public required string UploadedBy { get; set; }

    public required string UploaderName { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class CaseMaterialConfiguration : IEntityTypeConfiguration<CaseMaterial>
{
    public void Configure(EntityTypeBuilder<CaseMaterial> builder)
    {
        builder.ToTable("CaseMaterials");
        builder.Property(m => m.MaterialName).HasMaxLength(200);
        builder.Property(m => m.FileName).HasMaxLength(255);
        builder.Property(m => m.ContentType).HasMaxLength(50);
        builder.Property(m => m.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(m => m.UploadedBy).HasMaxLength(450);
        builder.Property(m => m.UploaderName).HasMaxLength(256);
        builder.HasIndex(m => new { m.CaseId, m.MaterialName, m.Sha256 }).IsUnique();
        builder.HasOne<Cases.Case>().WithMany().HasForeignKey(m => m.CaseId);
    }
}
