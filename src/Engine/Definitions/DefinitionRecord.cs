using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Definitions;

/// <summary>One stored version of a flow definition, as the JSON the designer and workflows/ use.</summary>
public sealed class DefinitionRecord
{
    public int Id { get; set; }

    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public required string Name { get; set; }

    public DefinitionStatus Status { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public int ConcurrencyStamp { get; set; }

    public static DefinitionRecord Create(
        Approval.Activities.Definitions.WorkflowDefinition definition, DefinitionStatus status, DateTimeOffset now, string? by) => new()
    {
        DefinitionId = definition.DefinitionId,
        Version = definition.Version,
        Name = definition.Name,
        Status = status,
        Json = Approval.Activities.Definitions.WorkflowJson.Serialize(definition),
        CreatedAt = now,
        UpdatedAt = now,
        PublishedAt = status == DefinitionStatus.Published ? now : null,
        UpdatedBy = by,
    };
}

/// <summary>Draft, then Published for new cases; publishing a newer version retires it.</summary>
public enum DefinitionStatus
{
    Draft,
    Published,
    Retired,
}

internal sealed class DefinitionRecordConfiguration : IEntityTypeConfiguration<DefinitionRecord>
{
    public void Configure(EntityTypeBuilder<DefinitionRecord> builder)
    {
        builder.ToTable("Definitions");
        builder.Property(d => d.DefinitionId).HasMaxLength(100);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.UpdatedBy).HasMaxLength(256);
        builder.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();

        // At most one draft and one current version per flow, even with two administrators at once.
        builder.HasIndex(d => d.DefinitionId).IsUnique().HasFilter("[Status] = 0").HasDatabaseName("IX_Definitions_OneDraft");
        builder.HasIndex(d => d.DefinitionId).IsUnique().HasFilter("[Status] = 1").HasDatabaseName("IX_Definitions_OnePublished");
    }
}
