using Approval.Engine.Cases;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Notices;

/// <summary>
/// A legal notice (文书) the centre gave on a case: numbered (文号) per kind and year when first saved,
/// kept with the case as the PDF the applicant received. <see cref="Facts"/> holds what the step knew
/// (reasons, legal basis, the materials to correct, the procedure); the case gives the rest when the
/// PDF is drawn, once, just after the save that numbered it (<see cref="NoticeRendering"/>).
/// </summary>
public sealed class CaseNotice : ISequenceNumbered
{
    public const int MaxNumberLength = 40;

    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public NoticeKind Kind { get; set; }

    /// <summary>The 文号, e.g. 德政服受字〔2026〕第0001号: given by the save (<see cref="NoticeNumbers"/>), unique.</summary>
    public string Number { get; set; } = "";

    /// <summary>The centre's short form at the head of the number (CentreOptions.NoticePrefix), set on issue; the save gives the rest.</summary>
    internal string? NumberPrefix { get; set; }

    /// <summary>The China day it was issued: the date printed on it and the year it is numbered in.</summary>
    public DateOnly IssuedOn { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>The user whose step or decision issued it.</summary>
    public required string IssuedBy { get; set; }

    public required string Title { get; set; }

    /// <summary>What the issuing step gave (<see cref="NoticeFacts"/>), a JSON object.</summary>
    public string Facts { get; set; } = "{}";

    /// <summary>The PDF as given; null until drawn (just after the numbering save, or on first download if that failed).</summary>
    public byte[]? Pdf { get; set; }

    string? ISequenceNumbered.SequenceKey => Number.Length == 0 ? $"notice:{Kind}:{IssuedOn.Year}" : null;

    void ISequenceNumbered.TakeNumber(int next) => Number = NoticeNumbers.Compose(NumberPrefix ?? "", Kind, IssuedOn.Year, next);
}

/// <summary>The notices the centre gives, each with its title.</summary>
public enum NoticeKind
{
    /// <summary>受理通知书.</summary>
    Acceptance,

    /// <summary>一次性补正告知书 (Art. 32).</summary>
    Correction,

    /// <summary>不予受理决定书.</summary>
    RefusalToAccept,

    /// <summary>特别程序告知书 (Art. 45).</summary>
    SpecialProcedure,

    /// <summary>延期通知书 (Art. 42).</summary>
    Extension,

    /// <summary>准予许可决定书.</summary>
    Grant,

    /// <summary>不予许可决定书.</summary>
    Denial,

    /// <summary>证照: the certificate, numbered as a notice.</summary>
    Certificate,
}

/// <summary>The 文号 of each kind: the centre's prefix, the kind's character, the year, and the sequence in four digits.</summary>
internal static class NoticeNumbers
{
    public static string Title(NoticeKind kind) => kind switch
    {
        NoticeKind.Acceptance => "受理通知书",
        NoticeKind.Correction => "一次性补正告知书",
        NoticeKind.RefusalToAccept => "不予受理决定书",
        NoticeKind.SpecialProcedure => "特别程序告知书",
        NoticeKind.Extension => "延期通知书",
        NoticeKind.Grant => "准予许可决定书",
        NoticeKind.Denial => "不予许可决定书",
        NoticeKind.Certificate => "许可证",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind's character in the number: 受 for 受理, 不受 for 不予受理, 证 for a certificate ...</summary>
    public static string Character(NoticeKind kind) => kind switch
    {
        NoticeKind.Acceptance => "受",
        NoticeKind.Correction => "补",
        NoticeKind.RefusalToAccept => "不受",
        NoticeKind.SpecialProcedure => "特",
        NoticeKind.Extension => "延",
        NoticeKind.Grant => "准",
        NoticeKind.Denial => "不准",
        NoticeKind.Certificate => "证",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Compose(string prefix, NoticeKind kind, int year, int sequence) =>
        $"{prefix}{Character(kind)}字〔{year}〕第{sequence:0000}号";
}

internal sealed class CaseNoticeConfiguration : IEntityTypeConfiguration<CaseNotice>
{
    public void Configure(EntityTypeBuilder<CaseNotice> builder)
    {
        builder.ToTable("CaseNotices");
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Number).HasMaxLength(CaseNotice.MaxNumberLength);
        builder.HasIndex(n => n.Number).IsUnique();
        builder.Property(n => n.IssuedBy).HasMaxLength(256);
        builder.Property(n => n.Title).HasMaxLength(50);
        builder.Ignore(n => n.NumberPrefix);
        builder.HasIndex(n => n.CaseId);
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId);
    }
}
