using Approval.Engine.Catalogue;
using System.ComponentModel.DataAnnotations.Schema;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Cases;

/// <summary>An application (办件): who applied, for what, and the flow instance that runs it (same id).</summary>
public sealed class Case : ISequenceNumbered
{
    public Guid Id { get; set; }

    /// <summary>The 受理编号 (<see cref="CaseNumbers"/>), given when the case is first saved.</summary>
    public string Number { get; set; } = "";

    /// <summary>The 查询码 the applicant looks the case up with, beside its number.</summary>
    public string QueryCode { get; set; } = "";

    /// <summary>The head of the number to give (county and day), set on filing; the save appends the day's sequence.</summary>
    [NotMapped]
    public string? NumberPrefix { get; set; }

    string? ISequenceNumbered.SequenceKey => NumberPrefix;

    void ISequenceNumbered.TakeNumber(int next) => Number = CaseNumbers.Compose(NumberPrefix!, next);

    public WorkflowInstance Instance { get; set; } = null!;

    /// <summary>The applicant's details as given (name, id number, phone ...), a JSON object.</summary>
    public string Applicant { get; set; } = "{}";

    /// <summary>The catalogue item applied for; null for a flow tried out by an administrator.</summary>
    public string? ItemCode { get; set; }

    /// <summary>
    /// A trial case (试运行): an administrator tried a bare flow out. Its tasks are in no inbox but the
    /// administrator's, and it is in no statistics (it has no item, and only item cases are counted).
    /// </summary>
    public bool Trial { get; set; }

    /// <summary>The materials handed in, a JSON array of {name, originals, copies}.</summary>
    public string Materials { get; set; } = "[]";

    /// <summary>A major investment project (重大投资项目): its promised target is half the item's.</summary>
    public bool MajorProject { get; set; }

    /// <summary>The department that handles it (承办部门).</summary>
    public string? Department { get; set; }

    /// <summary>The user who filed it: the applicant on line, or the clerk at the window.</summary>
    public required string CreatedBy { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The China day the application was received; the correction notice is due 5 working days after.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>The materials the correction notice asked for, a JSON array of names: each on the notice, once.</summary>
    public string CorrectionMaterials { get; set; } = "[]";

    /// <summary>The fee charged at certification (收费), in yuan, as the item's schedule allows; null when none was.</summary>
    public decimal? FeeCharged { get; set; }

    /// <summary>The number of the receipt (收费票据号) given for <see cref="FeeCharged"/>.</summary>
    public string? FeeReceipt { get; set; }

    /// <summary>The day the first correction notice (补正告知, Art. 32) was given.</summary>
    public DateOnly? CorrectionNoticeOn { get; set; }

    /// <summary>The day the clocks start from: the acceptance day, not itself counted.</summary>
    public DateOnly? AcceptedOn { get; set; }

    /// <summary>Accepted by law on the day of receipt, because no correction notice came within 5 working days.</summary>
    public bool DeemedAccepted { get; set; }

    /// <summary>The window (受理窗口) whose clerk accepted it, from the clerk's window claim; null when the clerk had none.</summary>
    public string? AcceptedWindow { get; set; }

    /// <summary>即办件 or 承诺件, as the item was when the case was filed.</summary>
    public CaseKind Kind { get; set; }

    /// <summary>The China day its flow completed (办结日).</summary>
    public DateOnly? CompletedOn { get; set; }

    /// <summary>Working days from acceptance to completion, the days special procedures stopped the clocks left out.</summary>
    public int? WorkingDaysTaken { get; set; }

    /// <summary>The item's statutory limit (法定时限) when the case was filed, in working days.</summary>
    public int StatutoryLimit { get; set; }

    /// <summary>The promised limit (承诺时限) this case runs to: the item's, halved (rounded up) for a major project.</summary>
    public int PromisedLimit { get; set; }

    /// <summary>The item's yellow-warning percent when the case was filed; null for the platform's setting.</summary>
    public int? WarningPercent { get; set; }

    /// <summary>The working days an approved extension adds (the item's figure; Art. 42: 10).</summary>
    public int ExtensionDays { get; set; }

    public DateOnly? StatutoryDeadline { get; set; }

    public DateOnly? PromisedDeadline { get; set; }

    /// <summary>A deadline counts days in a year whose holidays are not known yet.</summary>
    public bool DeadlinesProvisional { get; set; }

    public ExtensionState Extension { get; set; }

    public string? ExtensionReason { get; set; }

    public string? ExtensionRequestedBy { get; set; }

    public string? ExtensionDecidedBy { get; set; }

    public DateOnly? DecidedOn { get; set; }

    /// <summary>Art. 44: the certificate is due within 10 working days of a Grant.</summary>
    public DateOnly? CertificateDue { get; set; }

    /// <summary>Bumped whenever the clocks start, pause, resume, extend or stop: timers carry it to know they are stale.</summary>
    public int ClockVersion { get; set; }

    /// <summary>The promised target of a major investment project (重大投资项目): half the promised limit, rounded up.</summary>
    public static int MajorProjectTarget(int promisedLimit) => (promisedLimit + 1) / 2;

    /// <summary>Takes the item's kind and limits as they stand on filing; a major project runs to half the promised limit.</summary>
    public void RunsTo(PowerItem item)
    {
        Kind = item.CaseKind;
        StatutoryLimit = item.StatutoryLimit;
        PromisedLimit = MajorProject ? MajorProjectTarget(item.PromisedLimit) : item.PromisedLimit;
        ExtensionDays = item.ExtensionDays;
        WarningPercent = item.WarningPercent;
    }
}

/// <summary>An extension (延期, Art. 42): asked for once, approved or refused by the department head.</summary>
public enum ExtensionState
{
    None,
    Requested,
    Approved,
    Refused,
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.Number).HasMaxLength(CaseNumbers.MaxLength);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.QueryCode).HasMaxLength(CaseNumbers.QueryCodeLength);
        builder.Property(c => c.FeeCharged).HasPrecision(12, 2);
        builder.Property(c => c.FeeReceipt).HasMaxLength(50);
        builder.Property(c => c.Department).HasMaxLength(100);
        builder.Property(c => c.CreatedBy).HasMaxLength(450);
        builder.HasOne(c => c.Instance).WithOne().HasForeignKey<Case>(c => c.Id);
        builder.Property(c => c.ItemCode).HasMaxLength(50);
        builder.HasIndex(c => c.ItemCode);
        builder.HasIndex(c => c.CreatedBy);
        builder.HasIndex(c => c.ReceivedAt);
        builder.Property(c => c.Extension).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ExtensionReason).HasMaxLength(2000);
        builder.Property(c => c.ExtensionRequestedBy).HasMaxLength(256);
        builder.Property(c => c.ExtensionDecidedBy).HasMaxLength(256);
        builder.HasIndex(c => c.DeadlinesProvisional);
        builder.Property(c => c.AcceptedWindow).HasMaxLength(50);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
