using System.Security.Claims;
using System.Text.Json;
using Approval.Activities.Registry;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Cases;
using Approval.Engine.Catalogue;
using Approval.Engine.Definitions;
using Approval.Engine.Http;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>
/// 窗口人員調換: a department the window serves asks to replace or withdraw a clerk; the request
/// runs the window-staff-change flow, whose approval task is the centre administrator's
/// (completed like any task), and the change applies when the flow ends approved.
/// </summary>
internal static class StaffChangesApi
{
    public const string FlowId = "window-staff-change";

    public static IEndpointRouteBuilder MapStaffChanges(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff-changes").WithTags("Windows")
            .RequireAuthorization(Policies.Windows.ReadStaffChanges);
        group.MapPost("", RequestAsync)
            .RequireAuthorization(Policies.Windows.RequestStaffChange)
            .WithSummary("A department asks the centre to replace or withdraw a clerk of a window it is served by; the approval flow starts at once.");
        group.MapGet("", ListAsync).WithSummary("Staff changes, newest first (departments see their own); ?status=Pending|Applied|Refused|Lapsed.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One staff change with its approval task and history.");
        return app;
    }

    private static async Task<Results<Created<StaffChangeResponse>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        StaffChangeRequest request, ClaimsPrincipal user, ApprovalDbContext db, StaffRoster roster, DefinitionStore definitions,
        WorkflowRuntime runtime, StaffChangeObserver closer, ActivityRegistry registry, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        if (Shape(request) is { } invalid)
        {
            return invalid;
        }

        var actor = Actor.From(user);
        var window = await db.Windows.FirstOrDefaultAsync(w => w.Number == request.Window, ct);
        if (window is null)
        {
            return WindowsApi.NoWindow(request.Window);
        }

        if (actor.Department is null || !window.Serves(actor.Department))
        {
            return Problems.Forbidden(
                $"Window {window.Number} serves {string.Join(", ", window.Departments.Select(d => d.Department))}; only those departments may ask to change its staff.");
        }

        var outgoing = await roster.CurrentAsync(window.Id, request.Outgoing, ct);
        if (outgoing is null)
        {
            return Problems.Invalid("outgoing", $"'{request.Outgoing}' does not serve at window {window.Number}.");
        }

        if (request.Incoming is not null && (await roster.NewcomerAsync(request.Incoming, ct)).Problem is { } problem)
        {
            return Problems.Invalid("incoming", problem);
        }

        if (await db.StaffChanges.AnyAsync(c => c.WindowId == window.Id && c.OutgoingUserName == request.Outgoing && c.Status == StaffChangeStatus.Pending, ct))
        {
            return Problems.Conflict($"A change of {request.Outgoing} at window {window.Number} is already waiting for the centre.");
        }

        if (request.Incoming is not null
            && await db.StaffChanges.AnyAsync(c => c.IncomingUserName == request.Incoming && c.Status == StaffChangeStatus.Pending, ct))
        {
            return Problems.Conflict($"{request.Incoming} is already named to take over in a change waiting for the centre.");
        }

        var flow = await definitions.GetCurrentAsync(db, FlowId, ct);
        if (flow is null)
        {
            return Problems.Conflict($"The staff-change flow '{FlowId}' has no published version; the centre must publish it first.");
        }

        var early = roster.IsEarly(outgoing);
        var variables = JsonSerializer.Serialize(new
        {
            window = window.Number,
            department = actor.Department,
            outgoing = request.Outgoing,
            incoming = request.Incoming,
            kind = request.Incoming is null ? "Withdraw" : "Replace",
            early,
            termEndsOn = roster.TermEndsOn(outgoing).ToString("yyyy-MM-dd"),
            reason = request.Reason,
        }, CatalogueJson.Options);
        var (instance, tasks) = await runtime.StartAsync(flow, variables, actor.Department, actor, ct);
        var change = new StaffChange
        {
            Id = instance.Id,
            Instance = instance,
            WindowId = window.Id,
            WindowNumber = window.Number,
            Department = actor.Department,
            OutgoingUserName = request.Outgoing,
            IncomingUserName = request.Incoming,
            Reason = request.Reason,
            Early = early,
            TermEndsOn = roster.TermEndsOn(outgoing),
            RequestedBy = actor.UserName,
            RequestedAt = clock.GetUtcNow(),
        };
        db.StaffChanges.Add(change);
        audit.Record(AuditActions.StaffChangeRequested, AuditResources.Window, window.Number, new
        {
            staffChangeId = change.Id,
            request.Outgoing,
            request.Incoming,
            request.Reason,
            early,
        });

        // A flow redesigned to need no approval ends at once, before the change was known to it.
        if (instance.Status != InstanceStatus.Running)
        {
            await closer.InstanceFinishedAsync(instance, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"Another change of {request.Outgoing} or {request.Incoming} was filed at the same time; reload the staff changes.");
        }

        return TypedResults.Created($"/api/staff-changes/{change.Id}", StaffChangeResponse.From(
            change, tasks, db.History.Local.Where(h => h.InstanceId == change.Id), registry));
    }

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

    private static ValidationProblem? Shape(StaffChangeRequest request)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(request.Window) || request.Window.Length > 20)
        {
            errors.Add(("window", "window (its number) is required, at most 20 characters."));
        }

        if (string.IsNullOrWhiteSpace(request.Outgoing) || request.Outgoing.Length > 256)
        {
            errors.Add(("outgoing", "outgoing (the clerk to replace or withdraw) is required, at most 256 characters."));
        }

        if (request.Incoming is not null && (string.IsNullOrWhiteSpace(request.Incoming) || request.Incoming.Length > 256 || request.Incoming == request.Outgoing))
        {
            errors.Add(("incoming", "incoming is the clerk who takes over: a user name other than outgoing, at most 256 characters; leave it out to withdraw the clerk."));
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            errors.Add(("reason", "reason is required, at most 2000 characters."));
        }

        return errors.Count > 0 ? Problems.Invalid("The staff change request is not valid.", errors) : null;
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
