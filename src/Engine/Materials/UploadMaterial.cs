using System.Security.Claims;
using System.Text.Json;
using Approval.Activities.Contract;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Cases;
using Approval.Engine.Catalogue;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Approval.Engine.Windows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Materials;

/// <summary>
/// A file handed in for one of a case's materials (申请材料): the material it is, and the file as
/// received, its type already told by its first bytes (<see cref="MaterialTypes.Detect"/>).
/// </summary>
internal sealed record UploadMaterialCommand(Guid CaseId, string Material, MaterialFile File);

/// <summary>The uploaded file: the uploader's name and declared type, its length, the type its bytes are, and the bytes.</summary>
internal sealed record MaterialFile(string? FileName, string? DeclaredType, long Length, string ContentType, Stream Content);

/// <summary>The file as kept, and whether this upload stored it (false when the same file was already handed in for the material).</summary>
internal sealed record MaterialUpload(MaterialResponse Material, bool Stored);

/// <summary>
/// Hands in a file for a case's material: the applicant for their own application, a clerk at a window
/// that serves the item (also after filing); while the case runs, and only for a material the item or the case lists.
/// </summary>
internal sealed class UploadMaterial(
    ApprovalDbContext db, IAuthorizationService authorization, MaterialStore store, WindowDesk desk, TimeProvider clock, AuditLog audit)
{
    public async Task<Result<MaterialUpload>> RunAsync(UploadMaterialCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.Cases.HandInMaterials)).Succeeded)
        {
            return new Refusal.Forbidden("Material files are handed in by the applicant or at a window.");
        }

        // Whoever may read the case in full may hand in its files; a clerk only for an item their window serves.
        var id = command.CaseId;
        var actor = Actor.From(user);
        var @case = await db.Cases.AsNoTracking().Include(c => c.Instance).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (await authorization.RefusalAsync(user, @case, Operations.Read, $"There is no case {id}.") is { } refused)
        {
            return refused;
        }

        if (actor.Roles.Contains(Roles.WindowStaff) && @case!.ItemCode is not null
            && await desk.RefuseAsync(actor, @case.ItemCode, onTheSpot: false, ct) is { } refusal)
        {
            return new Refusal.Forbidden(refusal);
        }

        if (@case!.Instance.Status != InstanceStatus.Running)
        {
            return new Refusal.Conflict($"Case {id} is no longer running: its materials are closed.");
        }

        var material = command.Material.Trim();
        if (material.Length is 0 or > 200)
        {
            return new Refusal.Invalid("material", "Name the material this file is (field 'material', at most 200 characters).");
        }

        var listed = await ListedMaterialsAsync(@case.ItemCode, @case.Materials, ct);
        if (!listed.Contains(material))
        {
            return new Refusal.Invalid("material", $"'{material}' is not one of this case's materials: {string.Join("、", listed)}.");
        }

        var file = command.File;
        if (!MaterialTypes.Agrees(file.DeclaredType, file.ContentType))
        {
            return new Refusal.Invalid("file", $"The file is declared as {file.DeclaredType} but its content is {file.ContentType}.");
        }

        var sha256 = MaterialStore.HashOf(file.Content);
        var existing = await db.CaseMaterials.AsNoTracking()
            .FirstOrDefaultAsync(m => m.CaseId == id && m.MaterialName == material && m.Sha256 == sha256, ct);
        if (existing is not null)
        {
            return new MaterialUpload(MaterialResponse.From(existing), Stored: false);
        }

        await store.SaveAsync(sha256, file.Content, ct);
        var row = new CaseMaterial
        {
            CaseId = id,
            MaterialName = material,
            FileName = MaterialsApi.SafeFileName(file.FileName, file.ContentType),
            ContentType = file.ContentType,
            Size = file.Length,
            Sha256 = sha256,
            UploadedBy = actor.UserId,
            UploaderName = actor.UserName,
            UploadedAt = clock.GetUtcNow(),
        };
        db.CaseMaterials.Add(row);
        audit.Record(AuditActions.MaterialHandedIn, AuditResources.Case, id.ToString(), new
        {
            material, fileName = row.FileName, contentType = file.ContentType, size = row.Size, sha256,
        }, actor);
        await db.SaveChangesAsync(ct);
        return new MaterialUpload(MaterialResponse.From(row), Stored: true);
    }

    /// <summary>The item's one-time notification list and whatever the case listed on filing.</summary>
    private async Task<HashSet<string>> ListedMaterialsAsync(string? itemCode, string caseMaterials, CancellationToken ct)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var supplied in JsonSerializer.Deserialize<List<SuppliedMaterial>>(caseMaterials, CatalogueJson.Options) ?? [])
        {
            names.Add(supplied.Name);
        }

        if (itemCode is not null)
        {
            var item = await db.PowerItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == itemCode, ct);
            names.UnionWith(item?.Materials.Select(m => m.Name) ?? []);
        }

        return names;
    }
}
