using Approval.Engine.Deadlines;
using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Http;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

/// <summary>
/// The supervision office's view (電子監察): every warning, card and escalation, and their handling.
/// Department heads see and handle their own department's.
/// </summary>
internal static class SupervisionApi
{
    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/supervision").WithTags("Supervision")
            .RequireAuthorization(Policies.Supervision.Read);
        group.MapGet("/warnings", ListAsync).WithSummary("Warnings, cards and escalations by department, kind, severity, status and period.");
        group.MapGet("/escalations", (ClaimsPrincipal user, ApprovalDbContext db, CancellationToken ct, string? department, Severity? severity,
                WarningStatus? status, DateTimeOffset? from, DateTimeOffset? to, int take = 200) =>
                ListAsync(user, db, ct, department, null, severity, status, from, to, take, escalatedOnly: true))
            .WithSummary("What was escalated beyond the handler: red cards, statutory breaches, overdue steps and the flows' own escalations.");
        group.MapGet("/overdue", OverdueAsync).WithSummary("Running cases past their promised deadline (or, with statutory=true, their statutory one), most overdue first.");
        group.MapPost("/warnings/{id:long}/acknowledge", (long id, HandleRequest request, ClaimsPrincipal user, ApprovalDbContext db,
                IAuthorizationService authorization, EscalationTasks tasks, TimeProvider clock, AuditLog audit, CancellationToken ct) =>
            HandleAsync(id, WarningStatus.Acknowledged, request, user, db, authorization, tasks, clock, audit, ct))
            .RequireAuthorization(Policies.Supervision.Handle);
        group.MapPost("/warnings/{id:long}/resolve", (long id, HandleRequest request, ClaimsPrincipal user, ApprovalDbContext db,
                IAuthorizationService authorization, EscalationTasks tasks, TimeProvider clock, AuditLog audit, CancellationToken ct) =>
            HandleAsync(id, WarningStatus.Resolved, request, user, db, authorization, tasks, clock, audit, ct))
            .RequireAuthorization(Policies.Supervision.Handle);
        group.MapPost("/sweep", async (ISupervisionSweep sweep, CancellationToken ct) => TypedResults.Ok(new SweepResult(await sweep.RunAsync(ct))))
            .RequireAuthorization(Policies.Supervision.Sweep)
            .WithSummary("Run the supervision sweep now; it runs by itself every working day.");
        return app;
    }

    private static async Task<Results<Ok<List<WarningView>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, ApprovalDbContext db, CancellationToken ct,
        string? department = null, TimerKind? kind = null, Severity? severity = null, WarningStatus? status = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int take = 200, bool escalatedOnly = false)
    {
        if (take is < 1 or > 1000)
        {
            return Problems.Invalid("take", "take is between 1 and 1000.");
        }

        var query = WarningAccess.Scope(db.Warnings.AsNoTracking(), user);
        query = department is null ? query : query.Where(w => w.Department == department);
        query = kind is null ? query : query.Where(w => w.Kind == kind);
        query = escalatedOnly ? query.Where(w => w.EscalatedToRole != null) : query;
        query = severity is null ? query : query.Where(w => w.Severity == severity);
        query = status is null ? query : query.Where(w => w.Status == status);
        query = from is null ? query : query.Where(w => w.RecordedAt >= from);
        query = to is null ? query : query.Where(w => w.RecordedAt < to);
        var list = await query.OrderByDescending(w => w.Id).Take(take).ToListAsync(ct);
        return TypedResults.Ok(list.Select(WarningView.From).ToList());
    }

    private static async Task<Results<Ok<List<OverdueCase>>, ValidationProblem>> OverdueAsync(
        ClaimsPrincipal user, OverdueCases overdue, CancellationToken ct, string? department = null, bool statutory = false, int take = 200)
    {
        if (take is < 1 or > 1000)
        {
            return Problems.Invalid("take", "take is between 1 and 1000.");
        }

        return TypedResults.Ok(await overdue.ListAsync(WarningAccess.Department(user, department), statutory, take, ct));
    }

    private static async Task<Results<Ok<WarningView>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        long id, WarningStatus to, HandleRequest request, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization,
        EscalationTasks tasks, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var warning = await db.Warnings.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (await authorization.RefuseAsync(user, warning, Operations.Handle, $"There is no warning {id} you may handle.") is { } refused)
        {
            return refused;
        }

        if (to == WarningStatus.Resolved && string.IsNullOrWhiteSpace(request.Comment) || request.Comment?.Length > 2000)
        {
            return Problems.Invalid("comment", "A resolution needs a comment of at most 2000 characters.");
        }

        var actor = Actor.From(user);
        if (warning!.Status == WarningStatus.Resolved || warning.Status == to)
        {
            return Problems.Conflict($"Warning {id} is already {warning.Status}.");
        }

        audit.Record(to == WarningStatus.Resolved ? AuditActions.WarningResolved : AuditActions.WarningAcknowledged,
            AuditResources.Warning, id.ToString(System.Globalization.CultureInfo.InvariantCulture), new
            {
                caseId = warning.CaseId,
                kind = warning.Kind,
                severity = warning.Severity,
                from = warning.Status,
                request.Comment,
                escalationTaskId = to == WarningStatus.Resolved ? warning.EscalationTaskId : null,
            });
        warning.Status = to;
        warning.Comment = request.Comment;
        warning.HandledBy = actor.UserName;
        warning.HandledAt = clock.GetUtcNow();
        if (to == WarningStatus.Resolved)
        {
            await tasks.CloseForAsync(warning, request.Comment, actor.UserName, ct);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WarningView.From(warning));
    }
}

public sealed record HandleRequest(string? Comment);

public sealed record SweepResult(int Repaired);

public sealed record WarningView(
    long Id, Guid CaseId, Guid? TaskId, string? StepName, TimerKind Kind, Severity Severity, string? Department,
    DateTimeOffset DueAt, DateTimeOffset RecordedAt, int ClockVersion, IReadOnlyList<string> Recipients, string? EscalatedToRole,
    WarningStatus Status, string? Comment, string? HandledBy, DateTimeOffset? HandledAt, bool Repaired, Guid? EscalationTaskId = null)
{
    internal static WarningView From(Warning w) => new(
        w.Id, w.CaseId, w.TaskId, w.StepName, w.Kind, w.Severity, w.Department, w.DueAt, w.RecordedAt, w.ClockVersion,
        w.Recipients.Length == 0 ? [] : w.Recipients.Split(','), w.EscalatedToRole, w.Status, w.Comment, w.HandledBy, w.HandledAt, w.Repaired, w.EscalationTaskId);
}
