using Approval.Engine.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Statistics;

/// <summary>
/// The running totals (每日累计) behind every statistics report: for one China day, one department,
/// item and accepting window, the sums of what the accepted cases contribute on that day. A case
/// contributes on its acceptance day, its completion day and its two deadline days (see
/// <see cref="DayTotalsSql"/>). Database triggers on <c>Cases</c> record every change of a case in the
/// change's own transaction (<see cref="DayTotalChange"/>), and <see cref="DayTotalsFold"/> adds them
/// in before every report, so a report reads a few thousand rows a year however many cases there are
/// and misses no change saved before it. Never written by the application itself.
/// </summary>
public sealed class DayTotal
{
    public DateOnly Day { get; set; }

    public required string Department { get; set; }

    public required string ItemCode { get; set; }

    /// <summary>The accepting window's number; "" when none was recorded.</summary>
    public required string Window { get; set; }

    /// <summary>Accepted on the day (受理数).</summary>
    public int Accepted { get; set; }

    /// <summary>Instant cases (即办件) accepted on the day.</summary>
    public int AcceptedInstant { get; set; }

    /// <summary>Accepted on the day and completed on it too (日结).</summary>
    public int CompletedSameDay { get; set; }

    /// <summary>Accepted on the day and completed in its calendar month (当月办结).</summary>
    public int CompletedSameMonth { get; set; }

    /// <summary>Completed on the day (办结数).</summary>
    public int Completed { get; set; }

    public int CompletedInstant { get; set; }

    /// <summary>Completed on the day, on or before the promised deadline.</summary>
    public int CompletedOnTime { get; set; }

    /// <summary>Promised cases completed on the day, before the promised deadline.</summary>
    public int CompletedEarly { get; set; }

    /// <summary>Completed on the day, after the statutory deadline.</summary>
    public int CompletedStatutoryLate { get; set; }

    /// <summary>The working days the promised cases completed on the day took, summed.</summary>
    public int PromisedWorkingDays { get; set; }

    /// <summary>Σ (statutory − promised limit) / statutory limit over the promised cases completed on the day.</summary>
    public double PromisedSpeedUpSum { get; set; }

    /// <summary>Σ (statutory limit − working days taken) / statutory limit over the promised cases completed on the day.</summary>
    public double ProcessingSpeedUpSum { get; set; }

    /// <summary>Cases whose promised deadline is the day.</summary>
    public int PromisedDue { get; set; }

    /// <summary>Of those, the ones completed on or before it.</summary>
    public int PromisedDueMet { get; set; }

    /// <summary>Cases whose statutory deadline is the day.</summary>
    public int StatutoryDue { get; set; }

    /// <summary>Of those, the ones completed on or before it.</summary>
    public int StatutoryDueMet { get; set; }
}

internal sealed class DayTotalConfiguration : IEntityTypeConfiguration<DayTotal>
{
    public void Configure(EntityTypeBuilder<DayTotal> builder)
    {
        builder.ToTable("DayTotals");
        builder.HasKey(t => new { t.Day, t.Department, t.ItemCode, t.Window });
        builder.Property(t => t.Department).HasMaxLength(100);
        builder.Property(t => t.ItemCode).HasMaxLength(50);
        builder.Property(t => t.Window).HasMaxLength(50);
    }
}

/// <summary>
/// The triggers that record changes for <see cref="DayTotal"/> are declared on the Cases table, so that EF Core
/// saves cases without the RETURNING / OUTPUT clauses those providers refuse beside triggers.
/// </summary>
internal sealed class CaseTriggersConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder) => builder.ToTable("Cases", t =>
    {
        foreach (var trigger in DayTotalsSql.TriggerNames)
        {
            t.HasTrigger(trigger);
        }

        t.UseSqlReturningClause(false);
    });
}
