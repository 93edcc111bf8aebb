using System.Globalization;
using Approval.Activities.Contract;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Catalogue;

/// <summary>The whole catalogue as a spreadsheet, .xlsx or .csv in the same columns: exported by staff, imported by administrators.</summary>
internal static class CatalogueTransferApi
{
    public const int MaxUpload = 5 * 1024 * 1024;

    private const string NoFile = "Send the spreadsheet as a multipart form field named 'file' (curl -F file=@catalogue.xlsx).";

    public static IEndpointRouteBuilder MapCatalogueTransfer(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue").WithTags("Catalogue").RequireAuthorization(Policies.Catalogue.Read);
        group.MapGet("/export", ExportAsync).WithSummary("The whole catalogue as a spreadsheet (format=xlsx or csv) in the columns import reads.");
        group.MapPost("/import", ImportAsync)
            .RequireAuthorization(Policies.Catalogue.Manage)
            .Accepts<IFormFile>("multipart/form-data")

            // Signed in by bearer token, not cookie, so there is no cross-site form to forge.
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: MaxUpload)
            .WithBodySizeLimit(MaxUpload + BodySizeLimit.FormOverhead)
            .WithSummary("Add and update items from a spreadsheet (form field 'file', .xlsx or .csv, at most 5 MB); any bad row and nothing is applied.");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        ApprovalDbContext db, CatalogueEditor editor, CancellationToken ct, string? format = null)
    {
        SheetFormat? sheet = format?.ToLowerInvariant() switch
        {
            null or "" or "xlsx" => SheetFormat.Xlsx,
            "csv" => SheetFormat.Csv,
            _ => null,
        };
        if (sheet is not { } chosen)
        {
            return Problems.Invalid("format", "format is xlsx or csv.");
        }

        var items = await db.PowerItems.AsNoTracking().OrderBy(i => i.Department).ThenBy(i => i.Code).ToListAsync(ct);
        var content = CatalogueSheet.Write(items.Select(CatalogueItem.From), chosen);
        var name = $"catalogue-{editor.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return chosen == SheetFormat.Xlsx
            ? TypedResults.File(content, CatalogueSheet.XlsxType, name + ".xlsx")
            : TypedResults.File(content, CatalogueSheet.CsvType, name + ".csv");
    }

    /// <summary>Reads the form itself rather than binding an IFormFile, so that a file over the limit is told 413, not a bare 400.</summary>
    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ApprovalDbContext db, CatalogueEditor editor, AuditLog audit, CancellationToken ct)
    {
        // Routing already answers 415 to anything but multipart (Accepts above); this guards ReadFormAsync regardless.
        if (!request.HasFormContentType)
        {
            return BadFile(NoFile);
        }

        IFormFile? file;
        try
        {
            file = (await request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (InvalidDataException)
        {
            // The form reader's multipart limit (WithFormOptions above) was passed.
            return TooLarge();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            return BadFile("The multipart form ends before it is complete. " + NoFile);
        }

        if (file is null || file.Length == 0)
        {
            return BadFile(NoFile);
        }

        if (file.Length > MaxUpload)
        {
            return TooLarge();
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var (format, error) = FormatOf(file, content);
        if (format is not { } sheet)
        {
            return BadFile(error!);
        }

        List<object?[]> rows;
        try
        {
            rows = CatalogueSheet.Read(content, sheet, CatalogueImport.MaxRows);
        }
        catch (SheetException e)
        {
            return BadFile(e.Message);
        }

        var (result, errors) = await CatalogueImport.RunAsync(rows, sheet, db, editor, ct);
        if (result is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The file has bad rows; nothing was imported.",
                detail: $"{errors.Count} problem(s) in {errors.Select(e => e.Row).Distinct().Count()} row(s): fix them and import the file again.",
                extensions: new Dictionary<string, object?> { ["rowErrors"] = errors });
        }

        // Each item's change has its entry (from the editor); this one names the file they came from.
        audit.Record(AuditActions.CatalogueImported, AuditResources.Catalogue, "catalogue", new
        {
            file = file.FileName,
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            result.Added,
            result.Updated,
            result.Unchanged,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("Items in the file were changed or added by someone else meanwhile; nothing was imported. Export again and redo the changes.");
        }

        return TypedResults.Ok(result);
    }

    /// <summary>The file's format by its extension (or, without one, its content type), checked against its first bytes.</summary>
    private static (SheetFormat? Format, string? Error) FormatOf(IFormFile file, byte[] content)
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
        var zip = content.AsSpan().StartsWith("PK\x03\x04"u8);
        return format switch
        {
            null when extension == ".xls" => (null, "An .xls workbook is the old Excel format: save it as .xlsx (Excel 工作簿) or .csv and import that."),
            null => (null, $"'{file.FileName}' is not a spreadsheet: import a .xlsx workbook or a .csv file."),
            SheetFormat.Xlsx when !zip => (null, $"'{file.FileName}' is not an .xlsx workbook."),
            SheetFormat.Csv when zip || content.Contains((byte)0) => (null, $"'{file.FileName}' is not a .csv text file."),
            _ => (format, null),
        };
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.",
            detail: $"A catalogue file is at most {MaxUpload / 1024 / 1024} MB; import it in parts.");

    private static ProblemHttpResult BadFile(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The file cannot be imported.", detail: detail);
}
