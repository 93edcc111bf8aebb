using Approval.Engine.Deadlines;
using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

/// <summary>
/// The supervision office's view (电子监察): every warning, card and escalation, and their handling.
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

        // Which warning a caller may handle is the use cases' decision; the group's read policy stays in front.
        group.MapPost("/warnings/{id:long}/acknowledge", AcknowledgeAsync).WithSummary("The warning is seen and being dealt with.");
        group.MapPost("/warnings/{id:long}/resolve", ResolveAsync).WithSummary("The warning is dealt with; a resolution says how in its comment.");
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

    private static async Task<Results<Ok<WarningView>, ProblemHttpResult, ValidationProblem>> AcknowledgeAsync(
        long id, HandleRequest request, ClaimsPrincipal user, AcknowledgeWarning acknowledge, CancellationToken ct) =>
        (await acknowledge.RunAsync(new(id, request.Comment), user, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<WarningView>, ProblemHttpResult, ValidationProblem>> ResolveAsync(
        long id, HandleRequest request, ClaimsPrincipal user, ResolveWarning resolve, CancellationToken ct) =>
        (await resolve.RunAsync(new(id, request.Comment), user, ct)).ToHttp(TypedResults.Ok);
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
