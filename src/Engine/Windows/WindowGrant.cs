using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Windows;

/// <summary>
/// What a window may do with one item (窗口授权): accept it, and decide it on the spot (当场办结).
/// An on-the-spot grant is for an instant item only, and needs the window head to hold at least
/// middle-level chief's authority in the item's department.
/// </summary>
public sealed class WindowGrant
{
    public long Id { get; set; }

    public int WindowId { get; set; }

    public required string ItemCode { get; set; }

    public bool MayAccept { get; set; }

    public bool MayDecideOnTheSpot { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public string? GrantedBy { get; set; }
}

internal sealed class WindowGrantConfiguration : IEntityTypeConfiguration<WindowGrant>
{
    public void Configure(EntityTypeBuilder<WindowGrant> builder)
    {
        builder.ToTable("WindowGrants");
        builder.Property(g => g.ItemCode).HasMaxLength(50);
        builder.Property(g => g.GrantedBy).HasMaxLength(256);
        builder.HasIndex(g => new { g.WindowId, g.ItemCode }).IsUnique();
        builder.HasIndex(g => g.ItemCode);
    }
}
