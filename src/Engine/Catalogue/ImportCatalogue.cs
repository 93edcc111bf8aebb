using System.Security.Claims;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Catalogue;

/// <summary>A catalogue spreadsheet as uploaded: its file name, its content type and its bytes.</summary>
internal sealed record ImportCatalogueCommand(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Adds and updates items from a whole catalogue spreadsheet (.xlsx or .csv, the export's columns):
/// any bad row and nothing is applied (<see cref="CatalogueImport"/>). A file that is not such a
/// spreadsheet, or has bad rows, is refused with <see cref="CatalogueFileRefusal"/>.
/// </summary>
internal sealed class ImportCatalogue(ApprovalDbContext db, CatalogueEditor editor, AuditLog audit, IAuthorizationService authorization)
{
    public async Task<Result<ImportResult>> RunAsync(ImportCatalogueCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseCatalogueChangeAsync(user) is { } refused)
        {
            return refused;
        }

        var (format, error) = FormatOf(command);
        if (format is not { } sheet)
        {
            return CatalogueFileRefusal.BadFile(error!);
        }

        List<object?[]> rows;
        try
        {
            rows = CatalogueSheet.Read(command.Content, sheet, CatalogueImport.MaxRows);
        }
        catch (SheetException e)
        {
            return CatalogueFileRefusal.BadFile(e.Message);
        }

        var actor = Actor.From(user);
        var (result, errors) = await CatalogueImport.RunAsync(rows, sheet, db, editor, actor, ct);
        if (result is null)
        {
            return new CatalogueFileRefusal(
                "The file has bad rows; nothing was imported.",
                $"{errors.Count} problem(s) in {errors.Select(e => e.Row).Distinct().Count()} row(s): fix them and import the file again.",
                errors);
        }

        // Each item's change has its entry (from the editor); this one names the file they came from.
        audit.Record(AuditActions.CatalogueImported, AuditResources.Catalogue, "catalogue", new
        {
            file = command.FileName,
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(command.Content)),
            result.Added,
            result.Updated,
            result.Unchanged,
        }, actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Refusal.Conflict("Items in the file were changed or added by someone else meanwhile; nothing was imported. Export again and redo the changes.");
        }

        return result;
    }

    /// <summary>The file's format by its extension (or, without one, its content type), checked against its first bytes.</summary>
    private static (SheetFormat? Format, string? Error) FormatOf(ImportCatalogueCommand file)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        SheetFormat? format = extension switch
        {
            ".xlsx" => SheetFormat.Xlsx,
            ".csv" => SheetFormat.Csv,
            "" => file.ContentType.Split(';')[0].Trim().ToLowerInvariant() switch
            {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => SheetFormat.Xlsx,
                "text/csv" => SheetFormat.Csv,
                _ => null,
            },
            _ => null,
        };
        var zip = file.Content.AsSpan().StartsWith("PK\x03\x04"u8);
        return format switch
        {
            null when extension == ".xls" => (null, "An .xls workbook is the old Excel format: save it as .xlsx (Excel 工作簿) or .csv and import that."),
            null => (null, $"'{file.FileName}' is not a spreadsheet: import a .xlsx workbook or a .csv file."),
            SheetFormat.Xlsx when !zip => (null, $"'{file.FileName}' is not an .xlsx workbook."),
            SheetFormat.Csv when zip || file.Content.Contains((byte)0) => (null, $"'{file.FileName}' is not a .csv text file."),
            _ => (format, null),
        };
    }
}

/// <summary>
/// The catalogue file cannot be imported (400): it is not a catalogue spreadsheet, or
/// <see cref="Rows"/> lists every bad cell by row and column. Nothing was imported.
/// </summary>
internal sealed record CatalogueFileRefusal(string Title, string Detail, IReadOnlyList<RowError> Rows) : Refusal(Detail)
{
    public static CatalogueFileRefusal BadFile(string detail) => new("The file cannot be imported.", detail, []);
}
