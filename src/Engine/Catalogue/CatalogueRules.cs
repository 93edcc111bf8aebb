using System.Text.RegularExpressions;

namespace Approval.Engine.Catalogue;

/// <summary>What makes an item lawful in the catalogue; each problem is named by the field it concerns.</summary>
internal static partial class CatalogueRules
{
    /// <summary>GB/T 39046 A.1 item types.</summary>
    public static IReadOnlyDictionary<string, string> ItemTypes { get; } = new Dictionary<string, string>
    {
        ["01"] = "行政许可",
        ["02"] = "行政处罚",
        ["03"] = "行政强制",
        ["04"] = "行政征收",
        ["05"] = "行政给付",
        ["06"] = "行政检查",
        ["07"] = "行政确认",
        ["08"] = "行政奖励",
        ["09"] = "行政裁决",
        ["10"] = "其他行政权力",
        ["20"] = "公共服务",
    };

    public const int MaxLimit = 3650;

    /// <summary>Every problem with <paramref name="item"/> as (field, message); empty when it may be stored.</summary>
    public static List<(string Field, string Message)> Check(CatalogueItem item)
    {
        var errors = new List<(string, string)>();
        void Fail(string field, string message) => errors.Add((field, message));

        if (string.IsNullOrWhiteSpace(item.Code) || !CodePattern().IsMatch(item.Code))
        {
            Fail("code", "code must be 1 to 50 letters, digits or '-', starting with a letter or digit.");
        }

        if (string.IsNullOrWhiteSpace(item.Name) || item.Name.Length > 200)
        {
            Fail("name", "name is required, at most 200 characters.");
        }

        if (item.ItemType is null || !ItemTypes.ContainsKey(item.ItemType))
        {
            Fail("itemType", $"itemType must be a GB/T 39046 code: {string.Join(", ", ItemTypes.Select(t => $"{t.Key} {t.Value}"))}.");
        }

        if (string.IsNullOrWhiteSpace(item.Department) || !CodePattern().IsMatch(item.Department))
        {
            Fail("department", "department must be a department code of letters, digits or '-'.");
        }

        if (string.IsNullOrWhiteSpace(item.DepartmentName) || item.DepartmentName.Length > 200)
        {
            Fail("departmentName", "departmentName is required, at most 200 characters.");
        }

        if (item.LegalBasis?.Length > 4000)
        {
            Fail("legalBasis", "legalBasis is at most 4000 characters.");
        }

        CheckLimits(item, Fail);
        CheckLists(item, Fail);

        if (string.IsNullOrWhiteSpace(item.DefinitionId))
        {
            Fail("definitionId", "definitionId (the flow the item runs) is required.");
        }

        if (item.EffectiveTo is { } to && item.EffectiveFrom is { } from && to < from)
        {
            Fail("effectiveTo", "effectiveTo is before effectiveFrom.");
        }

        if (item.ConsultationPhone?.Length > 50 || item.SupervisionPhone?.Length > 50)
        {
            Fail("consultationPhone", "phone numbers are at most 50 characters.");
        }

        return errors;
    }

    private static void CheckLimits(CatalogueItem item, Action<string, string> fail)
    {
        if (item.StatutoryLimit is < 0 or > MaxLimit)
        {
            fail("statutoryLimit", $"statutoryLimit must be between 0 and {MaxLimit} working days.");
        }

        if (item.PromisedLimit is < 0 or > MaxLimit)
        {
            fail("promisedLimit", $"promisedLimit must be between 0 and {MaxLimit} working days.");
        }

        if (item.CaseKind == CaseKind.Instant && item.PromisedLimit != 0)
        {
            fail("promisedLimit", "An instant item (即办件) is decided the day it is accepted: its promisedLimit must be 0.");
        }

        if (item.CaseKind == CaseKind.Promised && item.PromisedLimit < 1)
        {
            fail("promisedLimit", "A promised item (承诺件) needs a promisedLimit of at least 1 working day.");
        }

        // The 30% compression: promised ≤ 70% of statutory, in whole numbers to avoid rounding.
        if (item.PromisedLimit * 10 > item.StatutoryLimit * 7)
        {
            fail("promisedLimit",
                $"promisedLimit {item.PromisedLimit} is more than 70% of statutoryLimit {item.StatutoryLimit}: the promised limit must compress the statutory one by at least 30% (at most {item.StatutoryLimit * 7 / 10}).");
        }

        if (item.WarningPercent is < 50 or > 100)
        {
            fail("warningPercent", "warningPercent (when the yellow warning comes) must be between 50 and 100 percent of the promised time.");
        }

        if (item.ExtensionDays is < 0 or > 60)
        {
            fail("extensionDays", "extensionDays must be between 0 and 60 working days.");
        }
    }

    private static void CheckLists(CatalogueItem item, Action<string, string> fail)
    {
        if (item.Materials.Count > 100)
        {
            fail("materials", "An item lists at most 100 materials.");
        }

        for (var i = 0; i < item.Materials.Count; i++)
        {
            var m = item.Materials[i];
            if (m is null || string.IsNullOrWhiteSpace(m.Name) || m.Name.Length > 200)
            {
                fail($"materials[{i}].name", "Every material needs a name of at most 200 characters.");
            }
            else if (m.Originals is < 0 or > 99 || m.Copies is < 0 or > 99)
            {
                fail($"materials[{i}]", "originals and copies must be between 0 and 99.");
            }
        }

        if (item.Fee.Charged && string.IsNullOrWhiteSpace(item.Fee.Basis))
        {
            fail("fee.basis", "A charged item must state the basis of its fee (收费依据).");
        }

        if (item.IntermediaryServices.Count > 50 || item.IntermediaryServices.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 200))
        {
            fail("intermediaryServices", "At most 50 intermediary services, each a name of at most 200 characters.");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]{0,49}\z")]
    private static partial Regex CodePattern();
}
