using System.Globalization;

namespace Approval.Engine.Catalogue;

/// <summary>
/// The one column layout of the catalogue's spreadsheets (权力清单导入导出), .xlsx and .csv alike: a
/// label a service-centre clerk knows, with the API's field name in brackets.
/// </summary>
internal static class CatalogueColumns
{
    public sealed record Column(string Key, string Label, Func<CatalogueItem, object?> Write, bool Optional = false)
    {
        public string Header => $"{Label}({Key})";
    }

    public static IReadOnlyList<Column> All { get; } =
    [
        new("code", "事项编码", i => i.Code),
        new("name", "事项名称", i => i.Name),
        new("itemType", "事项类型", i => i.ItemType),
        new("department", "实施部门编码", i => i.Department),
        new("departmentName", "实施部门", i => i.DepartmentName),
        new("legalBasis", "设定依据", i => i.LegalBasis),
        new("statutoryLimit", "法定时限", i => i.StatutoryLimit),
        new("promisedLimit", "承诺时限", i => i.PromisedLimit),
        new("caseKind", "办件类型", i => Words.Of(i.CaseKind)),
        new("materials", "申请材料", i => CellLists.WriteMaterials(i.Materials)),
        new("feeCharged", "是否收费", i => Words.Of(i.Fee.Charged)),
        new("feeStandard", "收费标准", i => i.Fee.Standard),
        new("feeBasis", "收费依据", i => i.Fee.Basis),
        new("intermediaryServices", "中介服务", i => CellLists.WriteList(i.IntermediaryServices)),
        new("onlineAvailable", "网上可办", i => Words.Of(i.OnlineAvailable)),
        new("consultationPhone", "咨询电话", i => i.ConsultationPhone),
        new("supervisionPhone", "监督电话", i => i.SupervisionPhone),
        new("status", "状态", i => Words.Of(i.Status)),
        new("effectiveFrom", "生效日期", i => i.EffectiveFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("effectiveTo", "失效日期", i => i.EffectiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("definitionId", "流程", i => i.DefinitionId),
        new("extensionDays", "延长天数", i => i.ExtensionDays),

        // Added later: files exported before it still import.
        new("warningPercent", "预警比例", i => i.WarningPercent, Optional: true),
    ];

    /// <summary>The column a header names: the whole header, its Chinese label or its field name; brackets may be full-width.</summary>
    public static Column? Find(string header)
    {
        var text = header.Replace('（', '(').Replace('）', ')').Replace(" ", "", StringComparison.Ordinal).Trim();
        return All.FirstOrDefault(c =>
            text.Equals(c.Header, StringComparison.OrdinalIgnoreCase)
            || text.Equals(c.Label, StringComparison.Ordinal)
            || text.Equals(c.Key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>One item's cells in column order. For CSV, text that a spreadsheet would run as a formula is quoted (see <see cref="Formulas"/>).</summary>
    public static object?[] Cells(CatalogueItem item, bool csv) =>
        [.. All.Select(c => c.Write(item) switch { string text when csv => Formulas.Quote(text), var value => value })];

    /// <summary>The words the cells use for choices; the API's names are read as well.</summary>
    public static class Words
    {
        public static IReadOnlyDictionary<string, bool> Booleans { get; } = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase)
        {
            ["是"] = true, ["否"] = false, ["true"] = true, ["false"] = false,
        };

        public static IReadOnlyDictionary<string, CaseKind> CaseKinds { get; } = new Dictionary<string, CaseKind>(StringComparer.OrdinalIgnoreCase)
        {
            ["承诺件"] = CaseKind.Promised, ["即办件"] = CaseKind.Instant,
            [nameof(CaseKind.Promised)] = CaseKind.Promised, [nameof(CaseKind.Instant)] = CaseKind.Instant,
        };

        public static IReadOnlyDictionary<string, ItemStatus> Statuses { get; } = new Dictionary<string, ItemStatus>(StringComparer.OrdinalIgnoreCase)
        {
            ["有效"] = ItemStatus.Active, ["取消"] = ItemStatus.Cancelled, ["下放"] = ItemStatus.Delegated, ["调整"] = ItemStatus.Adjusted,
            [nameof(ItemStatus.Active)] = ItemStatus.Active, [nameof(ItemStatus.Cancelled)] = ItemStatus.Cancelled,
            [nameof(ItemStatus.Delegated)] = ItemStatus.Delegated, [nameof(ItemStatus.Adjusted)] = ItemStatus.Adjusted,
        };

        public static string Of(bool value) => value ? "是" : "否";

        public static string Of(CaseKind kind) => kind == CaseKind.Instant ? "即办件" : "承诺件";

        public static string Of(ItemStatus status) => Statuses.First(s => s.Value == status).Key;
    }

    /// <summary>
    /// A CSV cell starting with = + - or @ is run as a formula when the file is opened in a
    /// spreadsheet (CSV injection), so export puts a ' before it, and before a leading ' too so
    /// that import, which takes one such ' off, gets back exactly what was written.
    /// </summary>
    public static class Formulas
    {
        public static string Quote(string text) => NeedsQuote(text, 0) ? "'" + text : text;

        public static string Unquote(string text) => text.Length > 1 && text[0] == '\'' && NeedsQuote(text, 1) ? text[1..] : text;

        private static bool NeedsQuote(string text, int at) => text.Length > at && text[at] is '=' or '+' or '-' or '@' or '\'';
    }
}
