using System.Security.Claims;
using System.Text;
using Approval.Engine.Access;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Materials;

/// <summary>
/// Files for a case's materials: the applicant uploads for their own application, a clerk at a window
/// that serves the item at the counter (also after filing); whoever may read the case lists and downloads them.
/// </summary>
internal static class MaterialsApi
{
    private const string NoFile =
        "Send one file as the multipart form field 'file' and the material it is as the field 'material' (curl -F material=申请书 -F file=@a.pdf).";

    public static IEndpointRouteBuilder MapMaterials(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/materials").WithTags("Cases").RequireAuthorization(Policies.Cases.Read);
        var maxBytes = app.ServiceProvider.GetRequiredService<MaterialStore>().MaxBytes;
        group.MapPost("", UploadAsync)
            .Accepts<IFormFile>("multipart/form-data")

            // Signed in by bearer token, not cookie, so there is no cross-site form to forge.
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: maxBytes + BodySizeLimit.FormOverhead)
            .WithBodySizeLimit(maxBytes + BodySizeLimit.FormOverhead)
            .WithSummary($"Hand in a file for one of the case's materials (fields 'material' and 'file'; PDF, JPEG, PNG or OFD, at most {maxBytes / 1024 / 1024} MB).");
        group.MapGet("", ListAsync).WithSummary("The files handed in for the case, oldest first.");
        group.MapGet("/{sha256}", DownloadAsync).WithSummary("One file, as the type found on upload and always as an attachment.");
        return app;
    }

    // The endpoint reads the form and tells the file's type by its bytes; whether the caller may hand it in, and for which material, is UploadMaterial's.
    private static async Task<Results<Results<Created<MaterialResponse>, Ok<MaterialResponse>>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, UploadMaterial upload, MaterialStore store, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Invalid("file", NoFile);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return TooLarge(store.MaxBytes); // the form reader's multipart limit was passed
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(store.MaxBytes);
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            return Invalid("file", "The multipart form ends before it is complete. " + NoFile);
        }

        var file = form.Files.GetFile("file");
        if (form.Files.Count != 1 || file is null || file.Length == 0)
        {
            return Invalid("file", NoFile);
        }

        if (file.Length > store.MaxBytes)
        {
            return TooLarge(store.MaxBytes);
        }

        await using var content = file.OpenReadStream();
        if (MaterialTypes.Detect(content) is not { } type)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported file type",
                detail: $"A material is a PDF, JPEG, PNG or OFD file, told by its content; this file is none of them.");
        }

        var command = new UploadMaterialCommand(id, form["material"].ToString(), new MaterialFile(file.FileName, file.ContentType, file.Length, type, content));
        return (await upload.RunAsync(command, user, ct)).ToHttp(u => u.Stored
            ? (Results<Created<MaterialResponse>, Ok<MaterialResponse>>)TypedResults.Created(u.Material.Download, u.Material)
            : TypedResults.Ok(u.Material));
    }

    private static async Task<Results<Ok<List<MaterialResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        if (await RefuseAsync(id, user, db, authorization, ct) is { } refused)
        {
            return refused;
        }

        var rows = await db.CaseMaterials.AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.Id).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(MaterialResponse.From).ToList());
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, string sha256, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization, MaterialStore store, CancellationToken ct)
    {
        if (await RefuseAsync(id, user, db, authorization, ct) is { } refused)
        {
            return refused;
        }

        var hash = sha256.ToLowerInvariant();
        var row = hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower)
            ? await db.CaseMaterials.AsNoTracking().Where(m => m.CaseId == id && m.Sha256 == hash).OrderBy(m => m.Id).FirstOrDefaultAsync(ct)
            : null;
        var stream = row is null ? null : store.Open(row.Sha256);
        if (row is null || stream is null)
        {
            return Problems.NotFound($"Case {id} has no file {sha256}.");
        }

        // Always an attachment of the type found on upload: a browser never renders or guesses it (nosniff is on every answer).
        return TypedResults.File(stream, row.ContentType, row.FileName);
    }

    /// <summary>A case's files are read by whoever may read the case in full (<see cref="CaseAccess"/>).</summary>
    private static async Task<ProblemHttpResult?> RefuseAsync(
        Guid id, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization, CancellationToken ct) =>
        await authorization.RefuseAsync(user, await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct), Operations.Read, $"There is no case {id}.");

    /// <summary>The uploader's name without any folder, with only letters, digits, and . - _ ( ) kept, ending in the type's extension.</summary>
    internal static string SafeFileName(string? original, string contentType)
    {
        var extension = MaterialTypes.Extension(contentType);
        var name = Path.GetFileNameWithoutExtension((original ?? "").Replace('\\', '/').Split('/')[^1]);
        var safe = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '(' or ')' or '.' ? c : '_');
            if (safe.Length >= 100)
            {
                break;
            }
        }

        var stem = safe.ToString().Trim('.', '_');
        return (stem.Length == 0 ? "material" : stem) + extension;
    }

    private static ValidationProblem Invalid(string field, string message) => Problems.Invalid(field, message);

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.",
            detail: $"A material file is at most {maxBytes} bytes.");
}

/// <summary>A file handed in for a material, as listed and answered on upload.</summary>
public sealed record MaterialResponse(
    string MaterialName, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt, string Download)
{
    internal static MaterialResponse From(CaseMaterial m) =>
        new(m.MaterialName, m.FileName, m.ContentType, m.Size, m.Sha256, m.UploaderName, m.UploadedAt, $"/api/cases/{m.CaseId}/materials/{m.Sha256}");
}
