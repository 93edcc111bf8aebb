using System.Security.Claims;
using System.Text.Json;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Designer.Services;
using Approval.Engine.Access;
using Approval.Engine.Cases;
using Approval.Engine.Deadlines;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Supervision;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Studio;

/// <summary>
/// The case viewer's view of a case: whoever may know of the case (<see cref="CaseAccess"/>: the
/// same rule as the Cases API's list) sees its path here, with its flow version's diagram, but
/// never the applicant's details, materials or data.
/// </summary>
internal sealed class StudioCases(IServiceScopeFactory scopes, ActivityRegistry registry) : ICaseViews
{
    public async Task<IReadOnlyList<CaseListEntry>> RecentAsync(ClaimsPrincipal user, int take, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var query = await scope.ServiceProvider.GetRequiredService<CaseAccess>().Scope(db.Cases.AsNoTracking(), user, Operations.See);
        var rows = await query
            .OrderByDescending(c => c.ReceivedAt)
            .Take(Math.Clamp(take, 1, 500))
            .Select(c => new { c.Id, c.ItemCode, c.Instance.DefinitionId, c.Instance.DefinitionVersion, c.Instance.Status, c.Instance.Result, c.ReceivedAt, c.Trial, c.Number })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.ItemCode).Where(c => c is not null).Distinct().ToList();
        var names = await db.PowerItems.AsNoTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.Name, ct);
        return [.. rows.Select(r => new CaseListEntry(
            r.Id, r.ItemCode, r.ItemCode is null ? null : names.GetValueOrDefault(r.ItemCode), r.DefinitionId, r.DefinitionVersion,
            r.Status.ToString(), r.Result, r.ReceivedAt, r.Trial, r.Number))];
    }

    public async Task<Guid?> FindAsync(ClaimsPrincipal user, string number, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var query = await scope.ServiceProvider.GetRequiredService<CaseAccess>().Scope(db.Cases.AsNoTracking(), user, Operations.See);
        var wanted = number.Trim();
        return await query.Where(c => c.Number == wanted).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<TryOutResult> TryOutAsync(
        ClaimsPrincipal user, string definitionId, string? department, string data, CancellationToken ct = default)
    {
        JsonElement values;
        try
        {
            values = JsonDocument.Parse(string.IsNullOrWhiteSpace(data) ? "{}" : data).RootElement.Clone();
        }
        catch (JsonException e)
        {
            return new TryOutResult(null, $"The case data is not JSON: {e.Message}");
        }

        if (user.Identity?.IsAuthenticated != true)
        {
            return new TryOutResult(null, "Sign in first.");
        }

        // Whether the caller may start a bare flow is the use case's own rule (CaseAccess), applied there.
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<FileCase>().RunAsync(
            new FileCaseCommand(Data: values, DefinitionId: definitionId, Department: string.IsNullOrWhiteSpace(department) ? null : department),
            user, ct);
        return result.Refusal switch
        {
            null => new TryOutResult(result.Value!.Id, null),
            Refusal.Invalid invalid => new TryOutResult(null, string.Join(" ", invalid.Errors.Select(e => e.Message))),
            Refusal.InvalidDefinition definition => new TryOutResult(null, string.Join(" ", definition.Errors.Select(e => e.Message))),
            var refusal => new TryOutResult(null, refusal.Detail),
        };
    }

    public async Task<CaseView?> GetAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ApprovalDbContext>();
        // The viewer shows a case's path, not the applicant's details: whoever may know of the case sees it (CaseAccess).
        var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (await services.GetRequiredService<IAuthorizationService>().RefuseAsync(user, found, Operations.See, "") is not null
            || await CaseResponse.LoadAsync(db, registry, services.GetRequiredService<CaseClockReader>(), caseId, ct) is not { } @case)
        {
            return null;
        }

        var json = await db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == @case.DefinitionId && d.Version == @case.DefinitionVersion)
            .Select(d => d.Json)
            .SingleAsync(ct);
        var itemName = @case.ItemCode is null ? null
            : await db.PowerItems.AsNoTracking().Where(i => i.Code == @case.ItemCode).Select(i => i.Name).FirstOrDefaultAsync(ct);
        var departments = @case.OpenTasks.Select(t => t.Department).Where(d => d is not null).Distinct().ToList();
        var departmentNames = (await db.PowerItems.AsNoTracking().Where(i => departments.Contains(i.Department))
                .Select(i => new { i.Department, i.DepartmentName }).Distinct().ToListAsync(ct))
            .DistinctBy(d => d.Department).ToDictionary(d => d.Department, d => d.DepartmentName);
        var clock = @case.Clock;
        return new CaseView(
            @case.Id, @case.ItemCode, itemName, @case.Status.ToString(), @case.Result, @case.Department, @case.ReceivedAt, @case.CompletedAt,
            WorkflowJson.Deserialize(json),
            [.. @case.History.Select(h => new CaseStep(h.ActivityId, h.ActivityType, h.ActivityName, h.Outcome, h.Actor, h.Comment, h.At))],
            [.. @case.OpenTasks.Where(t => t.Kind == TaskKind.Step)
                .Select(t => new CaseWait(t.ActivityId, t.Name, t.Role, t.Department, t.CreatedAt, t.DueOn,
                    t.Department is null ? null : departmentNames.GetValueOrDefault(t.Department)))],
            new CaseDeadlines(
                clock.ReceivedOn, clock.AcceptedOn, clock.StatutoryLimit, clock.PromisedLimit, clock.PromisedDeadline, clock.StatutoryDeadline,
                clock.WorkingDaysLeft, clock.Paused, clock.Provisional, clock.CertificateDue,
                [.. clock.Timers.Select(t => new CaseTimer(t.Kind.ToString(), t.DueAt))]),
            @case.Number, @case.FeeCharged, @case.FeeReceipt, await StudioNotices.OfAsync(db, @case.Id, ct));
    }
}
