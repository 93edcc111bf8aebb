using System.Security.Claims;
using System.Text.Json;
using Approval.Designer.Services;
using Approval.Engine.Access;
using Approval.Engine.Cases;
using Approval.Engine.Catalogue;
using Approval.Engine.Consultations;
using Approval.Engine.Deadlines;
using Approval.Engine.Materials;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Tasks;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Studio;

/// <summary>
/// The window desk (窗口受理台) over the engine's use cases, each run in a scope of its own as a
/// request would: filing (<see cref="FileCase"/>), scans (<see cref="UploadMaterial"/>), window steps
/// (<see cref="CompleteTask"/>) and consultations (<see cref="LogConsultation"/>). Their rules stay
/// theirs; this only turns a refusal into problems at the desk's fields.
/// </summary>
internal sealed class StudioWindowDesk(IServiceScopeFactory scopes, MaterialStore store, TimeProvider clock) : IWindowDesk
{
    public long MaxScanBytes => store.MaxBytes;

    public async Task<IReadOnlyList<DeskItem>> ItemsAsync(ClaimsPrincipal user, string? search, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var actor = Actor.From(user);

        // The same reading of the clerk's window as WindowDesk: their current assignments, read each time.
        var windows = db.WindowAssignments.Where(a => a.UserId == actor.UserId && a.EndedOn == null).Select(a => a.WindowId);
        var grants = await db.WindowGrants.AsNoTracking()
            .Where(g => windows.Contains(g.WindowId) && g.MayAccept)
            .Select(g => new { g.ItemCode, g.MayDecideOnTheSpot })
            .ToListAsync(ct);
        var onTheSpot = grants.GroupBy(g => g.ItemCode).ToDictionary(g => g.Key, g => g.Any(x => x.MayDecideOnTheSpot));
        var codes = onTheSpot.Keys.ToList();
        var items = await db.PowerItems.AsNoTracking().Where(i => codes.Contains(i.Code)).ToListAsync(ct);

        var today = ChinaTime.Today(clock);
        var wanted = search?.Trim();
        return [.. items
            .Where(i => i.Status != ItemStatus.Cancelled && i.EffectiveFrom <= today && (i.EffectiveTo is null || i.EffectiveTo >= today))
            .Where(i => string.IsNullOrEmpty(wanted)
                || i.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                || i.Code.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                || i.DepartmentName.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                || i.Department.Contains(wanted, StringComparison.OrdinalIgnoreCase))
            .OrderBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new DeskItem(
                i.Code, i.Name, i.Department, i.DepartmentName, i.CaseKind == CaseKind.Instant, i.StatutoryLimit, i.PromisedLimit, i.LegalBasis,
                [.. i.Materials.Select(m => new DeskMaterial(m.Name, m.Issuer, m.Originals, m.Copies, m.Required))],
                new DeskFee(i.Fee.Charged, i.Fee.Standard, i.Fee.Basis),
                onTheSpot[i.Code]))];
    }

    public async Task<DeskFiling> FileAsync(ClaimsPrincipal user, DeskApplication application, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var command = new FileCaseCommand(
            application.ItemCode,
            Applicant(application.Applicant),
            [.. application.Materials.Select(m => new SuppliedMaterial(m.Name, m.Originals, m.Copies))]);
        var result = await scope.ServiceProvider.GetRequiredService<FileCase>().RunAsync(command, user, ct);
        if (result.Refusal is { } refusal)
        {
            return new DeskFiling(null, null, null, null, Problems(refusal));
        }

        var filed = result.Value!;
        var accept = filed.OpenTasks.FirstOrDefault(t => t.ActivityType == Approval.Activities.Human.Accept.TypeName);
        return new DeskFiling(filed.Id, filed.Number, filed.QueryCode, accept?.Id);
    }

    public async Task<DeskProblems?> UploadAsync(ClaimsPrincipal user, Guid caseId, DeskScan scan, CancellationToken ct = default)
    {
        // The limits the materials API keeps: the store's size, and a type told by the bytes.
        if (scan.Content.LongLength > store.MaxBytes)
        {
            return new DeskProblems(new Dictionary<string, string>(), $"文件超过 {store.MaxBytes / 1024 / 1024} MB，不能上传。");
        }

        await using var content = new MemoryStream(scan.Content, writable: false);
        if (MaterialTypes.Detect(content) is not { } type)
        {
            return new DeskProblems(new Dictionary<string, string>(), "只能上传 PDF、JPEG、PNG 或 OFD 文件。");
        }

        await using var scope = scopes.CreateAsyncScope();
        var command = new UploadMaterialCommand(caseId, scan.Material, new MaterialFile(scan.FileName, scan.DeclaredType, scan.Content.LongLength, type, content));
        var result = await scope.ServiceProvider.GetRequiredService<UploadMaterial>().RunAsync(command, user, ct);
        return result.Refusal is { } refusal ? Problems(refusal) : null;
    }

    public async Task<DeskStepResult> CompleteAsync(ClaimsPrincipal user, Guid taskId, DeskCompletion completion, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var details = new StepDetails(
            Blank(completion.LegalBasis),
            completion.MissingMaterials,
            completion.Materials is null ? null : [.. completion.Materials.Select(m => new SuppliedMaterial(m.Name, m.Originals, m.Copies))],
            completion.Fee,
            Blank(completion.FeeReceipt));
        var result = await scope.ServiceProvider.GetRequiredService<CompleteTask>()
            .RunAsync(new CompleteTaskCommand(taskId, completion.Outcome, Blank(completion.Comment), details), user, ct);
        if (result.Refusal is { } refusal)
        {
            return new DeskStepResult(null, null, [], Problems(refusal));
        }

        var done = result.Value!;
        return new DeskStepResult(
            done.CaseStatus.ToString(), done.CaseResult, [.. done.OpenedTasks.Select(t => new DeskTask(t.Id, t.ActivityType, t.Name, t.Role))]);
    }

    public async Task<IReadOnlyList<NoticeLink>> NoticesAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        return found is not null && (await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, found, Operations.Read)).Succeeded
            ? await StudioNotices.OfAsync(db, caseId, ct)
            : [];
    }

    public async Task<IReadOnlyList<DeskCase>> TodayAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var actor = Actor.From(user);
        var today = ChinaTime.Today(clock);
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.CreatedBy == actor.UserId && c.ReceivedOn == today && !c.Trial)
            .Select(c => new { c.Id, c.Number, c.ItemCode, c.Applicant, c.Instance.Status, c.Instance.Result, c.ReceivedAt })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.ItemCode).Where(c => c is not null).Distinct().ToList();
        var names = await db.PowerItems.AsNoTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.Name, ct);
        return [.. rows
            .OrderByDescending(r => r.ReceivedAt)
            .Select(r => new DeskCase(
                r.Id, r.Number, r.ItemCode is null ? null : names.GetValueOrDefault(r.ItemCode) ?? r.ItemCode, ApplicantName(r.Applicant),
                r.Status.ToString(), r.Result, r.ReceivedAt))];
    }

    public async Task<DeskProblems?> ConsultAsync(ClaimsPrincipal user, string? question, string? itemCode, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<LogConsultation>()
            .RunAsync(new LogConsultationCommand(question, Blank(itemCode)), user, ct);
        return result.Refusal is { } refusal ? Problems(refusal) : null;
    }

    /// <summary>The applicant as FileCase reads it: a person by ID number, an organisation by credit code; blank fields left out.</summary>
    internal static JsonElement Applicant(DeskApplicant applicant)
    {
        var details = new Dictionary<string, string> { ["kind"] = applicant.Organisation ? "organisation" : "person" };
        void Put(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                details[key] = value.Trim();
            }
        }

        Put("name", applicant.Name);
        if (applicant.Organisation)
        {
            Put("creditCode", applicant.CreditCode);
            Put("contact", applicant.Contact);
        }
        else
        {
            Put("idNumber", applicant.IdNumber);
        }

        Put("phone", applicant.Phone);
        return JsonSerializer.SerializeToElement(details);
    }

    internal static DeskProblems Problems(Refusal refusal) => refusal switch
    {
        Refusal.Invalid invalid => new DeskProblems(
            invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message))),
            invalid.Errors.Count == 0 ? invalid.Detail : null),
        Refusal.InvalidDefinition definition => new DeskProblems(
            new Dictionary<string, string>(), string.Join(" ", definition.Errors.Select(e => e.Message))),
        var other => new DeskProblems(new Dictionary<string, string>(), other.Detail),
    };

    private static string? ApplicantName(string applicant)
    {
        using var json = JsonDocument.Parse(applicant);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("name", out var name)
            && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
