using Approval.Engine.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Statistics;

/// <summary>
/// A counted case row as it was before a change (sign −1) or as it is after it (+1), written by the
/// triggers on Cases in the change's own transaction and folded into the <see cref="DayTotal"/>s by
/// <see cref="DayTotalsFold"/>, which then deletes it. Never written by the application.
/// </summary>
public sealed class DayTotalChange
{
    public long Id { get; set; }

    public int Sign { get; set; }

    public required string ItemCode { get; set; }

    public required string Department { get; set; }

    public DateOnly AcceptedOn { get; set; }

    public string? AcceptedWindow { get; set; }

    public CaseKind Kind { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public int? WorkingDaysTaken { get; set; }

    public DateOnly? PromisedDeadline { get; set; }

    public DateOnly? StatutoryDeadline { get; set; }

    public int PromisedLimit { get; set; }

    public int StatutoryLimit { get; set; }
}

internal sealed class DayTotalChangeConfiguration : IEntityTypeConfiguration<DayTotalChange>
{
    public void Configure(EntityTypeBuilder<DayTotalChange> builder)
    {
        builder.ToTable("DayTotalChanges");
        builder.Property(c => c.ItemCode).HasMaxLength(50);
        builder.Property(c => c.Department).HasMaxLength(100);
        builder.Property(c => c.AcceptedWindow).HasMaxLength(50);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
