using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Windows;

/// <summary>
/// A window of the service hall (窗口): its number, type, the departments whose items it serves,
/// its head, its phones, and through <see cref="WindowGrant"/> and <see cref="WindowAssignment"/>
/// what it may do and who serves at it. All but its staff are published (窗口公开).
/// </summary>
public sealed class ServiceWindow
{
    public int Id { get; set; }

    /// <summary>The number on the counter and in the disclosure, e.g. W01.</summary>
    public required string Number { get; set; }

    public required string Name { get; set; }

    public WindowType Type { get; set; }

    /// <summary>Where in the hall it is.</summary>
    public string? Location { get; set; }

    /// <summary>The departments whose items it serves, each with the authority it gives the window head.</summary>
    public List<WindowDepartment> Departments { get; set; } = [];

    /// <summary>The window head (窗口负责人).</summary>
    public WindowHead Head { get; set; } = new("");

    public required string Phone { get; set; }

    /// <summary>Where to complain (监督电话).</summary>
    public required string SupervisionPhone { get; set; }

    public List<WindowGrant> Grants { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int ConcurrencyStamp { get; set; }

    /// <summary>The authority the head holds in <paramref name="department"/>; None when the window does not serve it.</summary>
    public ApprovalAuthority HeadAuthorityIn(string department) =>
        Departments.FirstOrDefault(d => d.Department == department)?.HeadAuthority ?? ApprovalAuthority.None;

    public bool Serves(string department) => Departments.Any(d => d.Department == department);
}

/// <summary>独立窗口 (one department's own), 综合窗口 (several departments'), 便民服务窗口 (everyday services).</summary>
public enum WindowType
{
    Independent,
    Comprehensive,
    Convenience,
}

/// <summary>
/// The approval authority a department gives the window head (审批权限). The seed's rule: the
/// head holds at least the department's middle-level chief's (中层正职), or the window may not
/// decide anything on the spot.
/// </summary>
public enum ApprovalAuthority
{
    None,
    MiddleDeputy,
    MiddleChief,
    Leader,
}

/// <summary>A department a window serves, and the authority the department gives its head there.</summary>
public sealed record WindowDepartment(string Department, ApprovalAuthority HeadAuthority);

/// <summary>The window head: a name and title the public may read.</summary>
public sealed record WindowHead(string Name, string? Title = null);

internal static class WindowNames
{
    /// <summary>The authority an on-the-spot grant needs the window head to hold.</summary>
    public const ApprovalAuthority OnTheSpotAuthority = ApprovalAuthority.MiddleChief;

    public static string Of(WindowType type) => type switch
    {
        WindowType.Independent => "独立窗口",
        WindowType.Comprehensive => "综合窗口",
        _ => "便民服务窗口",
    };

    public static string Of(ApprovalAuthority authority) => authority switch
    {
        ApprovalAuthority.None => "无审批权限",
        ApprovalAuthority.MiddleDeputy => "中层副职",
        ApprovalAuthority.MiddleChief => "中层正职",
        _ => "部门领导",
    };
}

internal sealed class ServiceWindowConfiguration : IEntityTypeConfiguration<ServiceWindow>
{
    public void Configure(EntityTypeBuilder<ServiceWindow> builder)
    {
        builder.ToTable("Windows");
        builder.HasIndex(w => w.Number).IsUnique();
        builder.Property(w => w.Number).HasMaxLength(20);
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.Property(w => w.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Location).HasMaxLength(200);
        builder.Property(w => w.Phone).HasMaxLength(50);
        builder.Property(w => w.SupervisionPhone).HasMaxLength(50);
        builder.Property(w => w.ConcurrencyStamp).IsConcurrencyToken();
        builder.OwnsMany(w => w.Departments, d =>
        {
            d.ToJson();
            d.Property(x => x.HeadAuthority).HasConversion<string>();
        });
        builder.OwnsOne(w => w.Head, h => h.ToJson());
        builder.HasMany(w => w.Grants).WithOne().HasForeignKey(g => g.WindowId).OnDelete(DeleteBehavior.Cascade);
    }
}
