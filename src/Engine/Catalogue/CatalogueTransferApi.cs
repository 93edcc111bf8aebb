using System.Globalization;
using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Catalogue;

/// <summary>The whole catalogue as a spreadsheet, .xlsx or .csv in the same columns: exported by staff, imported by administrators (<see cref="ImportCatalogue"/>).</summary>
internal static class CatalogueTransferApi
{
    public const int MaxUpload = 5 * 1024 * 1024;

    private const string NoFile = "Send the spreadsheet as a multipart form field named 'file' (curl -F file=@catalogue.xlsx).";

    public static IEndpointRouteBuilder MapCatalogueTransfer(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue").WithTags("Catalogue").RequireAuthorization(Policies.Catalogue.Read);
        group.MapGet("/export", ExportAsync).WithSummary("The whole catalogue as a spreadsheet (format=xlsx or csv) in the columns import reads.");
        group.MapPost("/import", ImportAsync)
            .Accepts<IFormFile>("multipart/form-data")

            // Signed in by bearer token, not cookie, so there is no cross-site form to forge.
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: MaxUpload)
            .WithBodySizeLimit(MaxUpload + BodySizeLimit.FormOverhead)
            .WithSummary("Add and update items from a spreadsheet (form field 'file', .xlsx or .csv, at most 5 MB; administrators); any bad row and nothing is applied.");
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

    /// <summary>
    /// Reads the form itself rather than binding an IFormFile, so that a file over the limit is told
    /// 413, not a bare 400; what is in the file is <see cref="ImportCatalogue"/>'s to judge.
    /// </summary>
    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        HttpRequest request, ImportCatalogue import, ClaimsPrincipal user, CancellationToken ct)
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
        var result = await import.RunAsync(new ImportCatalogueCommand(file.FileName, file.ContentType, buffer.ToArray()), user, ct);
        return result.Refusal is CatalogueFileRefusal refused ? Refused(refused) : result.ToHttp(TypedResults.Ok);
    }

    private static ProblemHttpResult Refused(CatalogueFileRefusal refused) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: refused.Title, detail: refused.Detail,
            extensions: refused.Rows.Count == 0 ? null : new Dictionary<string, object?> { ["rowErrors"] = refused.Rows });

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.",
            detail: $"A catalogue file is at most {MaxUpload / 1024 / 1024} MB; import it in parts.");

    private static ProblemHttpResult BadFile(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The file cannot be imported.", detail: detail);
}
