using System.Globalization;
using System.Text.Json;
using Approval.Engine.Cases;
using Approval.Engine.Deadlines;

namespace Approval.Engine.Notices;

/// <summary>A notice as it is laid out: who gives it, its title and number, to whom, its paragraphs and its date.</summary>
internal sealed record NoticeDocument(string Centre, string Title, string Number, string Addressee, IReadOnlyList<NoticeParagraph> Body, string Date);

/// <summary>A paragraph of a notice's body; a list item (a material to correct) is not indented.</summary>
internal sealed record NoticeParagraph(string Text, bool Indent = true);

/// <summary>
/// The words of each notice (Simplified Chinese), from the case as it stands when it is drawn, the item
/// applied for and what the issuing step gave (<see cref="NoticeFacts"/>).
/// </summary>
internal static class NoticeText
{
    private const string Remedies = "如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。";

    public static NoticeDocument Compose(CaseNotice notice, Case @case, string itemName, NoticeFacts facts, CentreOptions centre)
    {
        var body = notice.Kind switch
        {
            NoticeKind.Acceptance => Acceptance(@case, itemName, centre),
            NoticeKind.Correction => Correction(@case, itemName, facts, centre),
            NoticeKind.RefusalToAccept => RefusalToAccept(@case, itemName, facts),
            NoticeKind.SpecialProcedure => SpecialProcedureNotice(@case, itemName, facts),
            NoticeKind.Extension => Extension(@case, itemName, facts),
            NoticeKind.Grant => Grant(@case, itemName, facts),
            NoticeKind.Denial => Denial(@case, itemName, facts),
            NoticeKind.Certificate => Certificate(notice, @case, itemName, facts),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.Kind, null),
        };
        var addressee = notice.Kind == NoticeKind.Certificate ? "" : ApplicantName(@case) + "：";
        return new(centre.Name, notice.Title, notice.Number, addressee, body, Day(notice.IssuedOn));
    }

    /// <summary>The applicant's name as given on filing (the "name" of <see cref="Case.Applicant"/>).</summary>
    public static string ApplicantName(Case @case)
    {
        try
        {
            using var json = JsonDocument.Parse(@case.Applicant);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(name.GetString()))
            {
                return name.GetString()!.Trim();
            }
        }
        catch (JsonException)
        {
            // An applicant's details that are not JSON name no one: the notice is addressed to the applicant.
        }

        return "申请人";
    }

    /// <summary>A day as notices print it: 2026年3月2日.</summary>
    public static string Day(DateOnly? day) =>
        day is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日") : "（未定）";

    /// <summary>The Chinese name of a special procedure of Art. 45.</summary>
    public static string Name(SpecialProcedure procedure) => procedure switch
    {
        SpecialProcedure.Hearing => "听证",
        SpecialProcedure.Bidding => "招标",
        SpecialProcedure.Auction => "拍卖",
        SpecialProcedure.Inspection => "检验",
        SpecialProcedure.Testing => "检测",
        SpecialProcedure.Quarantine => "检疫",
        SpecialProcedure.Appraisal => "鉴定",
        SpecialProcedure.ExpertReview => "专家评审",
        _ => procedure.ToString(),
    };

    private static string Applied(Case @case, string itemName) =>
        $"你（单位）于{Day(@case.ReceivedOn)}提出的“{itemName}”申请（受理编号：{@case.Number}）";

    private static List<NoticeParagraph> Acceptance(Case @case, string itemName, CentreOptions centre) =>
    [
        new($"{Applied(@case, itemName)}，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，本中心决定予以受理。"),
        new($"受理日期：{Day(@case.AcceptedOn)}。受理编号：{@case.Number}；查询码：{@case.QueryCode}。"),
        new($"本中心承诺于{Day(@case.PromisedDeadline)}前办结（承诺时限 {@case.PromisedLimit} 个工作日），"
            + $"法定办理期限至{Day(@case.StatutoryDeadline)}（法定时限 {@case.StatutoryLimit} 个工作日）。"
            + "依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在上述期限内。"),
        new($"你可凭受理编号和查询码查询办理进度。咨询电话：{centre.Phone}；监督电话：{centre.SupervisionPhone}。"),
    ];

    private static List<NoticeParagraph> Correction(Case @case, string itemName, NoticeFacts facts, CentreOptions centre)
    {
        var materials = facts.Materials is { Count: > 0 } listed ? listed : Materials(@case.CorrectionMaterials);
        List<NoticeParagraph> body =
        [
            new($"{Applied(@case, itemName)}，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知你需要补正的全部材料如下："),
        ];
        body.AddRange(materials.Select((m, i) => new NoticeParagraph($"{i + 1}. {m}", Indent: false)));
        body.Add(new("请于收到本告知书后，将上列材料一次性补正齐全，提交本中心受理窗口。本中心自收到全部补正材料之日起受理，办理时限自受理之日起计算。"));
        body.Add(new($"咨询电话：{centre.Phone}；监督电话：{centre.SupervisionPhone}。"));
        return body;
    }

    private static List<NoticeParagraph> RefusalToAccept(Case @case, string itemName, NoticeFacts facts) =>
    [
        new($"{Applied(@case, itemName)}，经审查，本中心决定不予受理。"),
        new($"理由：{facts.Reasons}"),
        new($"法律依据：{facts.LegalBasis}"),
        new(Remedies),
    ];

    private static List<NoticeParagraph> SpecialProcedureNotice(Case @case, string itemName, NoticeFacts facts)
    {
        var name = facts.Procedure is { } p ? Name(p) : "特别程序";
        var expected = facts.ExpectedDays is { } days ? $"预计需要 {days} 个工作日" : "所需时间以实际为准";
        return
        [
            new($"{Applied(@case, itemName)}，依法需要{name}。"),
            new($"事由：{facts.Reasons}"),
            new($"{name}自{Day(facts.ProcedureStart)}开始，{expected}。"),
            new($"根据《中华人民共和国行政许可法》第四十五条的规定，{name}所需时间不计算在办理期限内，本中心将在{name}结束后继续办理，并另行告知新的办结期限。"),
        ];
    }

    private static List<NoticeParagraph> Extension(Case @case, string itemName, NoticeFacts facts) =>
    [
        new($"{Applied(@case, itemName)}，因{Reason(facts.Reasons)}，不能在规定期限内作出决定。"),
        new($"根据《中华人民共和国行政许可法》第四十二条的规定，经本机关负责人批准，办理期限延长 {facts.ExtensionDays ?? @case.ExtensionDays} 个工作日。"),
        new($"延长后，承诺办结期限为{Day(facts.PromisedDeadline ?? @case.PromisedDeadline)}，法定办理期限为{Day(facts.StatutoryDeadline ?? @case.StatutoryDeadline)}。"),
    ];

    private static List<NoticeParagraph> Grant(Case @case, string itemName, NoticeFacts facts)
    {
        List<NoticeParagraph> body =
        [
            new($"{Applied(@case, itemName)}，经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。"),
        ];
        if (!string.IsNullOrWhiteSpace(facts.Reasons))
        {
            body.Add(new($"审查意见：{facts.Reasons}"));
        }

        body.Add(new("本机关将自作出决定之日起十个工作日内颁发、送达行政许可证件。"));
        return body;
    }

    private static List<NoticeParagraph> Denial(Case @case, string itemName, NoticeFacts facts) =>
    [
        new($"{Applied(@case, itemName)}，经审查，本机关决定不予行政许可。"),
        new($"理由：{facts.Reasons}"),
        new("根据《中华人民共和国行政许可法》第三十八条第二款的规定，特此告知。"),
        new(Remedies),
    ];

    private static List<NoticeParagraph> Certificate(CaseNotice notice, Case @case, string itemName, NoticeFacts facts)
    {
        var fee = facts.Fee ?? @case.FeeCharged;
        List<NoticeParagraph> body =
        [
            new($"证号：{notice.Number}", Indent: false),
            new($"许可事项：{itemName}", Indent: false),
            new($"持证人：{ApplicantName(@case)}", Indent: false),
            new($"受理编号：{@case.Number}", Indent: false),
            new($"发证日期：{Day(notice.IssuedOn)}", Indent: false),
        ];
        if (fee > 0)
        {
            var receipt = facts.FeeReceipt ?? @case.FeeReceipt;
            body.Add(new(string.Create(CultureInfo.InvariantCulture, $"收费：{fee:0.00} 元") + (receipt is null ? "" : $"（票据号：{receipt}）"), Indent: false));
        }

        body.Add(new("经审查，准予许可，特发此证。"));
        return body;
    }

    private static string Reason(string? reasons) =>
        string.IsNullOrWhiteSpace(reasons) ? "情况复杂" : reasons.Trim().TrimEnd('。', '.', '，', ',');

    private static IReadOnlyList<string> Materials(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
