using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using MiniExcelLibs.OpenXml;

namespace Approval.Engine.Catalogue;

internal enum SheetFormat
{
    Xlsx,
    Csv,
}

/// <summary>A file that cannot be read as a spreadsheet at all; said to the caller as it is.</summary>
internal sealed class SheetException(string message) : Exception(message);

/// <summary>Writes and reads the catalogue's spreadsheets with MiniExcel: the first sheet, header in the first row.</summary>
internal static class CatalogueSheet
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Excel's plain "CSV" on a Chinese Windows is GB18030 (GBK), not UTF-8.</summary>
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    public static byte[] Write(IEnumerable<CatalogueItem> items, SheetFormat format)
    {
        var keys = CatalogueColumns.All.Select(c => c.Key).ToArray();
        var header = CatalogueColumns.All.Select(c => (object?)c.Header).ToArray();

        // The header is written as a row of its own so an empty catalogue still gets one.
        var rows = items.Select(i => CatalogueColumns.Cells(i, format == SheetFormat.Csv)).Prepend(header)
            .Select(cells => keys.Zip(cells).ToDictionary(kv => kv.First, kv => kv.Second));
        using var stream = new MemoryStream();
        if (format == SheetFormat.Xlsx)
        {
            stream.SaveAs(rows, printHeader: false, sheetName: "权力清单", excelType: ExcelType.XLSX,
                configuration: new OpenXmlConfiguration { FreezeRowCount = 1, FastMode = true, EnableAutoWidth = true, MaxWidth = 60 });
        }
        else
        {
            stream.SaveAs(rows, printHeader: false, excelType: ExcelType.CSV);
        }

        return stream.ToArray();
    }

    /// <summary>Every row of the first sheet, in order, with blank rows kept so a row's index + 1 is its number.</summary>
    public static List<object?[]> Read(byte[] content, SheetFormat format, int maxRows)
    {
        using var stream = format == SheetFormat.Xlsx ? new MemoryStream(content) : Utf8(content);
        var rows = new List<object?[]>();
        try
        {
            var query = format == SheetFormat.Xlsx
                ? stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX)

                // The reader joins the lines of a quoted cell with NewLine: LF, as written and as Excel keeps a cell's line breaks.
                : stream.Query(useHeaderRow: false, excelType: ExcelType.CSV, configuration: new CsvConfiguration { NewLine = "\n" });
            foreach (IDictionary<string, object?> row in query)
            {
                if (rows.Count == maxRows)
                {
                    throw new SheetException($"The file has more than {maxRows} rows; import the catalogue in parts.");
                }

                var cells = new object?[row.Count == 0 ? 0 : row.Keys.Max(ColumnIndex) + 1];
                foreach (var (column, value) in row)
                {
                    cells[ColumnIndex(column)] = value;
                }

                rows.Add(cells);
            }
        }
        catch (Exception e) when (e is not SheetException and not OperationCanceledException)
        {
            // Whatever the reader trips over in an uploaded file is the file's fault, not ours.
            throw new SheetException($"The file could not be read as {(format == SheetFormat.Xlsx ? ".xlsx" : ".csv")}: {e.Message}");
        }

        return rows;
    }

    /// <summary>The CSV's text as UTF-8 for the reader: UTF-8 (with or without BOM) as it is, anything else taken as GB18030.</summary>
    private static MemoryStream Utf8(byte[] content)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            text = Gb18030.Value.GetString(content);
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF')));
    }

    /// <summary>"A" → 0, "AB" → 27: MiniExcel names a row's cells by their column letters.</summary>
    private static int ColumnIndex(string letters) => letters.Aggregate(0, (n, c) => (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1)) - 1;
}
