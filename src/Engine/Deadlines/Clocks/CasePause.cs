using Approval.Engine.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Deadlines;

/// <summary>
/// A special procedure (特别程序, Art. 45) that stops both clocks: the working days d with
/// Start &lt; d ≤ End are not counted. An open pause (no End yet) counts through today.
/// </summary>
public sealed class CasePause
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public SpecialProcedure Kind { get; set; }

    public required string Reason { get; set; }

    public const int MinExpectedDays = 1;
    public const int MaxExpectedDays = 365;

    public DateOnly Start { get; set; }

    /// <summary>The working days the procedure is expected to take, as the special procedure notice tells the applicant; null when not given.</summary>
    public int? ExpectedDays { get; set; }

    public DateOnly? End { get; set; }

    public required string StartedBy { get; set; }

    public string? EndedBy { get; set; }
}

/// <summary>The procedures of Art. 45 whose time is not counted in the limit (听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审).</summary>
public enum SpecialProcedure
{
    Hearing,
    Bidding,
    Auction,
    Inspection,
    Testing,
    Quarantine,
    Appraisal,
    ExpertReview,
}

internal sealed class CasePauseConfiguration : IEntityTypeConfiguration<CasePause>
{
    public void Configure(EntityTypeBuilder<CasePause> builder)
    {
        builder.ToTable("CasePauses");
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Reason).HasMaxLength(2000);
        builder.Property(p => p.StartedBy).HasMaxLength(256);
        builder.Property(p => p.EndedBy).HasMaxLength(256);
        builder.HasIndex(p => p.CaseId);
        builder.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId);
    }
}
