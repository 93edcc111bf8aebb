using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Audit;

/// <summary>
/// One link of the audit log (审计日志): who did what to which resource, when and from where, with
/// the SHA-256 of its content chained to the previous entry's. Only ever appended; see
/// <see cref="AuditHash"/> for the canonical form the hash covers.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The row's key, assigned by the database; the chain's order is <see cref="Sequence"/>.</summary>
    public long Id { get; set; }

    /// <summary>1, 2, 3 ... without gaps, so a removed entry shows as a gap. Assigned when the entry is saved.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The acting user's id; "system" for timers and the sweep; empty for a failed login by an unknown name.</summary>
    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>The actor's roles, sorted and comma-separated.</summary>
    public required string Roles { get; set; }

    /// <summary>A stable dotted code such as <c>case.filed</c> or <c>login.failed</c>.</summary>
    public required string Action { get; set; }

    public required string ResourceType { get; set; }

    public required string ResourceId { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>Compact JSON of what changed (an outcome and comment, old and new values).</summary>
    public required string Details { get; set; }

    /// <summary>The previous entry's <see cref="Hash"/>; 64 zeros for the first entry.</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 over the canonical form of this entry (which includes <see cref="PreviousHash"/>).</summary>
    public string Hash { get; set; } = "";

    /// <summary>The order entries were recorded in within one unit of work (not stored).</summary>
    internal long RecordedOrder { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const string Table = "AuditLog";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(e => e.Id);

        // Unique: two writers that somehow read the same head cannot both append, so the chain never forks.
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.Ignore(e => e.RecordedOrder);
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Roles).HasMaxLength(400);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.ResourceType).HasMaxLength(64);
        builder.Property(e => e.ResourceId).HasMaxLength(200);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(AuditLog.UserAgentLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.ResourceType, e.ResourceId });
        builder.HasIndex(e => e.ActorName);
        builder.HasIndex(e => e.Action);
    }
}
