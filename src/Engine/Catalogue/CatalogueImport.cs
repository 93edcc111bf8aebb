using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Catalogue;

public sealed record ImportResult(int Added, int Updated, int Unchanged);

/// <summary>
/// Imports a whole catalogue spreadsheet: every row is read and checked first (cells, the
/// catalogue's rules, codes given twice); one bad row and nothing is applied. Otherwise each row
/// adds or updates the item of its code through <see cref="CatalogueEditor"/>, which records the
/// change feed, and the caller's one SaveChanges applies them all.
/// </summary>
internal static class CatalogueImport
{
    public const int MaxRows = 10_000;

    /// <summary>A rule about one field that reads others too is not reported when one of those did not read: it would only echo that error.</summary>
    private static readonly Dictionary<string, string[]> ReadsAlso = new()
    {
        ["promisedLimit"] = ["statutoryLimit", "caseKind"],
        ["effectiveTo"] = ["effectiveFrom"],
        ["feeBasis"] = ["feeCharged"],
        ["definitionId"] = ["status"],
    };

    public static async Task<(ImportResult? Result, List<RowError> Errors)> RunAsync(
        List<object?[]> rows, SheetFormat format, ApprovalDbContext db, CatalogueEditor editor, Actor actor, CancellationToken ct)
    {
        var headerIndex = rows.FindIndex(r => !Blank(r));
        if (headerIndex < 0)
        {
            return (null, [new RowError(1, "", "The file is empty: its first row should be the column headers.")]);
        }

        var (columns, errors) = Headers(rows[headerIndex], headerIndex + 1);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var readers = new List<(CatalogueRowReader Reader, CatalogueItem Item)>();
        for (var i = headerIndex + 1; i < rows.Count; i++)
        {
            if (!Blank(rows[i]))
            {
                var cells = columns.ToDictionary(c => c.Key, c => (c.Value.Header, c.Value.Index < rows[i].Length ? rows[i][c.Value.Index] : null));
                var reader = new CatalogueRowReader(i + 1, cells, format == SheetFormat.Csv);
                readers.Add((reader, reader.Read()));
                errors.AddRange(reader.Errors);
            }
        }

        foreach (var twice in readers.Where(r => r.Item.Code.Length > 0).GroupBy(r => r.Item.Code).Where(g => g.Count() > 1))
        {
            var at = string.Join(", ", twice.Select(r => r.Reader.Row));
            errors.AddRange(twice.Select(r => new RowError(r.Reader.Row, r.Reader.Header("code"), $"Code '{twice.Key}' is in rows {at}; an item takes one row.")));
        }

        var flows = await editor.PublishedFlowsAsync(ct);
        foreach (var (reader, item) in readers)
        {
            foreach (var (field, message) in await editor.CheckAsync(item, flows, ct))
            {
                var (key, text) = Column(field, message, item);
                if (!reader.BadColumns.Contains(key) && !ReadsAlso.GetValueOrDefault(key, []).Any(reader.BadColumns.Contains))
                {
                    errors.Add(new RowError(reader.Row, reader.Header(key), text));
                }
            }
        }

        if (errors.Count > 0)
        {
            var order = CatalogueColumns.All.Select(c => c.Key).ToList();
            return (null, [.. errors.OrderBy(e => e.Row).ThenBy(e => order.FindIndex(k => columns[k].Header == e.Column))]);
        }

        var codes = readers.Select(r => r.Item.Code).ToList();
        var existing = await db.PowerItems.Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, ct);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var (_, item) in readers)
        {
            if (existing.TryGetValue(item.Code, out var current))
            {
                // Update bumps the stamp only when it changed something the public sees, and records that in the feed.
                var stamp = current.ConcurrencyStamp;
                editor.Update(current, item, actor);
                if (current.ConcurrencyStamp == stamp)
                {
                    unchanged++;
                }
                else
                {
                    updated++;
                }
            }
            else
            {
                editor.Add(item, actor);
                added++;
            }
        }

        return (new ImportResult(added, updated, unchanged), []);
    }

    private static (Dictionary<string, (string Header, int Index)> Columns, List<RowError> Errors) Headers(object?[] header, int row)
    {
        var columns = new Dictionary<string, (string Header, int Index)>();
        var errors = new List<RowError>();
        for (var i = 0; i < header.Length; i++)
        {
            var text = header[i]?.ToString()?.Trim() ?? "";
            if (text.Length == 0)
            {
                continue;
            }

            if (CatalogueColumns.Find(text) is not { } column)
            {
                errors.Add(new RowError(row, text, "Unknown column; the columns are those of the export (GET /api/catalogue/export)."));
            }
            else if (!columns.TryAdd(column.Key, (text, i)))
            {
                errors.Add(new RowError(row, text, $"Column {column.Header} is given twice."));
            }
        }

        errors.AddRange(CatalogueColumns.All.Where(c => !c.Optional && !columns.ContainsKey(c.Key))
            .Select(c => new RowError(row, c.Header, "This column is missing.")));
        return (columns, errors);
    }

    /// <summary>The column a rule's field is in, and its message saying which material when it is about one.</summary>
    private static (string Key, string Message) Column(string field, string message, CatalogueItem item)
    {
        if (field.StartsWith("materials[", StringComparison.Ordinal))
        {
            var index = int.Parse(field["materials[".Length..field.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            return ("materials", $"material {index + 1}: {message}");
        }

        return field switch
        {
            "fee.basis" => ("feeBasis", message),

            // The rules name one field for both phones.
            "consultationPhone" when item.ConsultationPhone is not { Length: > 50 } => ("supervisionPhone", message),
            _ when CatalogueColumns.All.Any(c => c.Key == field) => (field, message),
            _ => ("code", $"{field}: {message}"),
        };
    }

    private static bool Blank(object?[] row) => row.All(c => c is null || (c is string s && string.IsNullOrWhiteSpace(s)));
}
