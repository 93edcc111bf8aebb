using System.Security.Claims;
using Approval.Activities.Registry;
using Approval.Engine.Access;
using Approval.Engine.Cases;
using Approval.Engine.Http;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>
/// 窗口人员调换: a department the window serves asks to replace or withdraw a clerk (<see cref="RequestStaffChange"/>);
/// the request runs the window-staff-change flow, whose approval task is the centre administrator's
/// (completed like any task), and the change applies when the flow ends approved.
/// </summary>
internal static class StaffChangesApi
{
    public static IEndpointRouteBuilder MapStaffChanges(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff-changes").WithTags("Windows")
            .RequireAuthorization(Policies.Windows.ReadStaffChanges);
        // Who may ask and decide is the use cases' decision (a department the window serves, the centre); the group's read policy stays in front.
        group.MapPost("", RequestAsync)
            .WithSummary("A department asks the centre to replace or withdraw a clerk of a window it is served by; the approval flow starts at once.");
        group.MapPost("/{id:guid}/decision", DecideAsync)
            .WithSummary("The centre approves or refuses a pending staff change; an approval applies it at once.");
        group.MapGet("", ListAsync).WithSummary("Staff changes, newest first (departments see their own); ?status=Pending|Applied|Refused|Lapsed.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One staff change with its approval task and history.");
        return app;
    }

    private static async Task<Results<Created<StaffChangeResponse>, ProblemHttpResult, ValidationProblem>> RequestAsync(
        StaffChangeRequest request, ClaimsPrincipal user, RequestStaffChange requestChange, CancellationToken ct) =>
        (await requestChange.RunAsync(new(request), user, ct)).ToHttp(c => TypedResults.Created($"/api/staff-changes/{c.Id}", c));

    private static async Task<Results<Ok<StaffChangeResponse>, ProblemHttpResult, ValidationProblem>> DecideAsync(
        Guid id, StaffChangeDecision decision, ClaimsPrincipal user, DecideStaffChange decide, CancellationToken ct) =>
        (await decide.RunAsync(new(id, decision.Approve, decision.Comment), user, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<List<StaffChangeResponse>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, ApprovalDbContext db, ActivityRegistry registry, CancellationToken ct, string? status = null)
    {
        StaffChangeStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<StaffChangeStatus>(status, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.Invalid("status", "status must be Pending, Applied, Refused or Lapsed.");
            }

            wanted = parsed;
        }

        var query = StaffChangeAccess.Scope(db.StaffChanges.AsNoTracking().Include(c => c.Instance), user);

        if (wanted is not null)
        {
            query = query.Where(c => c.Status == wanted);
        }

        var changes = await query.OrderByDescending(c => c.RequestedAt).Take(500).ToListAsync(ct);
        var ids = changes.Select(c => c.Id).ToList();
        var open = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.InstanceId) && t.Status == WorkTaskStatus.Open).ToListAsync(ct);
        return TypedResults.Ok(changes.Select(c => StaffChangeResponse.From(c, open.Where(t => t.InstanceId == c.Id), null, registry)).ToList());
    }

    private static async Task<Results<Ok<StaffChangeResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization, ActivityRegistry registry, CancellationToken ct)
    {
        var change = await db.StaffChanges.AsNoTracking().Include(c => c.Instance).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (await authorization.RefuseAsync(user, change, Operations.See, $"There is no staff change {id}.") is { } refused)
        {
            return refused;
        }

        var open = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == id && t.Status == WorkTaskStatus.Open).ToListAsync(ct);
        var history = await db.History.AsNoTracking().Where(h => h.InstanceId == id).ToListAsync(ct);
        return TypedResults.Ok(StaffChangeResponse.From(change!, open, history, registry));
    }
}

public sealed record StaffChangeResponse(
    Guid Id, string Window, string Department, string Outgoing, string? Incoming, string Reason, bool Early, DateOnly MinimumTermEndsOn,
    string RequestedBy, DateTimeOffset RequestedAt, StaffChangeStatus Status, string? Detail, DateTimeOffset? ClosedAt,
    IReadOnlyList<TaskResponse> OpenTasks, IReadOnlyList<HistoryResponse>? History)
{
    internal static StaffChangeResponse From(
        StaffChange c, IEnumerable<WorkflowTask> open, IEnumerable<HistoryEntry>? history, ActivityRegistry registry) => new(
        c.Id, c.WindowNumber, c.Department, c.OutgoingUserName, c.IncomingUserName, c.Reason, c.Early, c.TermEndsOn,
        c.RequestedBy, c.RequestedAt, c.Status, c.Detail, c.ClosedAt,
        [.. open.Where(t => t.Status == WorkTaskStatus.Open).OrderBy(t => t.CreatedAt).Select(t => TaskResponse.From(t, registry))],
        history is null ? null : [.. history.OrderBy(h => h.Id).Select(h => new HistoryResponse(h.ActivityId, h.ActivityType, h.ActivityName, h.Outcome, h.Actor, h.Comment, h.At))]);
}
