using System.Globalization;

namespace Approval.Engine.Catalogue;

/// <summary>One problem of an imported file: the row as the spreadsheet numbers it (header = 1) and the column's header.</summary>
public sealed record RowError(int Row, string Column, string Message);

/// <summary>
/// Reads one spreadsheet row into an item, noting each cell that does not read and reading it as
/// empty, so that the catalogue's rules can still be checked on the rest of the row.
/// </summary>
internal sealed class CatalogueRowReader(int row, IReadOnlyDictionary<string, (string Header, object? Value)> cells, bool csv)
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"];

    public int Row => row;

    public List<RowError> Errors { get; } = [];

    /// <summary>The keys of the columns whose cells did not read.</summary>
    public HashSet<string> BadColumns { get; } = [];

    public string Header(string key) => cells[key].Header;

    public CatalogueItem Read() => new()
    {
        Code = Text("code").Trim(),
        Name = Text("name"),
        ItemType = ItemType(),
        Department = Text("department").Trim(),
        DepartmentName = Text("departmentName"),
        LegalBasis = Text("legalBasis"),
        StatutoryLimit = Number("statutoryLimit") ?? 0,
        PromisedLimit = Number("promisedLimit") ?? 0,
        CaseKind = Choice("caseKind", CatalogueColumns.Words.CaseKinds, "承诺件 or 即办件") ?? CaseKind.Promised,
        Materials = Materials(),
        Fee = new Fee(Choice("feeCharged", CatalogueColumns.Words.Booleans, "是 or 否", empty: false) ?? false,
            Optional("feeStandard"), Optional("feeBasis")),
        IntermediaryServices = CellLists.ReadList(Text("intermediaryServices")),
        OnlineAvailable = Choice("onlineAvailable", CatalogueColumns.Words.Booleans, "是 or 否", empty: false) ?? false,
        ConsultationPhone = Optional("consultationPhone"),
        SupervisionPhone = Optional("supervisionPhone"),
        Status = Choice("status", CatalogueColumns.Words.Statuses, "有效, 取消, 下放 or 调整", empty: ItemStatus.Active) ?? ItemStatus.Active,
        EffectiveFrom = Date("effectiveFrom"),
        EffectiveTo = Date("effectiveTo"),
        DefinitionId = Text("definitionId").Trim(),
        ExtensionDays = Number("extensionDays", empty: 10) ?? 10,
        WarningPercent = OptionalNumber("warningPercent"),
    };

    private void Fail(string key, string message)
    {
        Errors.Add(new RowError(row, Header(key), message));
        BadColumns.Add(key);
    }

    private string Text(string key) => cells[key].Value switch
    {
        null => "",
        string text => csv ? CatalogueColumns.Formulas.Unquote(text) : text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    private string? Optional(string key) => Text(key) is { Length: > 0 } text ? text : null;

    /// <summary>A two-digit type code; a spreadsheet that took "01" for the number 1 is forgiven.</summary>
    private string ItemType()
    {
        var text = Text("itemType").Trim();
        return text.Length == 1 && char.IsAsciiDigit(text[0]) ? "0" + text : text;
    }

    // An optional column may be absent from the file, or its cell empty.
    private int? OptionalNumber(string key) =>
        cells.ContainsKey(key) && Text(key).Trim().Length > 0 ? Number(key) : null;

    private int? Number(string key, int? empty = null)
    {
        var text = Text(key).Trim();
        if (text.Length == 0)
        {
            if (empty is null)
            {
                Fail(key, "A number of working days is required.");
            }

            return empty;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            && value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue)
        {
            return (int)value;
        }

        Fail(key, $"'{text}' is not a whole number of working days.");
        return null;
    }

    private T? Choice<T>(string key, IReadOnlyDictionary<string, T> words, string expected, T? empty = null)
        where T : struct
    {
        if (cells[key].Value is bool flag && typeof(T) == typeof(bool))
        {
            return (T)(object)flag;
        }

        var text = Text(key).Trim();
        if (text.Length == 0 && empty is not null)
        {
            return empty;
        }

        if (words.TryGetValue(text, out var value))
        {
            return value;
        }

        Fail(key, text.Length == 0 ? $"Required: {expected}." : $"'{text}' is not {expected}.");
        return null;
    }

    private DateOnly? Date(string key)
    {
        switch (cells[key].Value)
        {
            case DateTime date:
                return DateOnly.FromDateTime(date);
            case double serial when serial == Math.Floor(serial) && serial is >= 1 and < 2958466:
                // A date typed in Excel whose cell carries no date format reads as its serial number.
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        var text = Text(key).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        Fail(key, $"'{text}' is not a date; write it as 2026-01-31.");
        return null;
    }

    private List<Material> Materials()
    {
        var (materials, error) = CellLists.ReadMaterials(Text("materials"));
        if (error is not null)
        {
            Fail("materials", error);
        }

        return materials;
    }
}
