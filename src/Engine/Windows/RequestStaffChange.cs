using System.Security.Claims;
using System.Text.Json;
using Approval.Activities.Registry;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Catalogue;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>
/// A department the window serves asks the centre to replace (with <see cref="StaffChangeRequest.Incoming"/>)
/// or withdraw one of its clerks (窗口人员调换); the window-staff-change flow starts at once, and the
/// change applies when the centre approves (<see cref="StaffChangeObserver"/>).
/// </summary>
internal sealed record RequestStaffChangeCommand(StaffChangeRequest Change);

internal sealed class RequestStaffChange(
    ApprovalDbContext db, StaffRoster roster, DefinitionStore definitions, WorkflowRuntime runtime, StaffChangeObserver closer,
    ActivityRegistry registry, TimeProvider clock, AuditLog audit, IAuthorizationService authorization)
{
    public const string FlowId = "window-staff-change";

    public async Task<Result<StaffChangeResponse>> RunAsync(RequestStaffChangeCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.Windows.RequestStaffChange)).Succeeded)
        {
            return new Refusal.Forbidden("A staff change is asked for by a department the window serves: its handlers (科室经办) or head (负责人).");
        }

        var request = command.Change;
        if (Shape(request) is { } invalid)
        {
            return invalid;
        }

        var actor = Actor.From(user);
        var window = await db.Windows.FirstOrDefaultAsync(w => w.Number == request.Window, ct);
        if (window is null)
        {
            return WindowWrites.NoWindow(request.Window);
        }

        if (actor.Department is null || !window.Serves(actor.Department))
        {
            return new Refusal.Forbidden(
                $"Window {window.Number} serves {string.Join(", ", window.Departments.Select(d => d.Department))}; only those departments may ask to change its staff.");
        }

        var outgoing = await roster.CurrentAsync(window.Id, request.Outgoing, ct);
        if (outgoing is null)
        {
            return new Refusal.Invalid("outgoing", $"'{request.Outgoing}' does not serve at window {window.Number}.");
        }

        if (request.Incoming is not null && (await roster.NewcomerAsync(request.Incoming, ct)).Problem is { } problem)
        {
            return new Refusal.Invalid("incoming", problem);
        }

        if (await db.StaffChanges.AnyAsync(c => c.WindowId == window.Id && c.OutgoingUserName == request.Outgoing && c.Status == StaffChangeStatus.Pending, ct))
        {
            return new Refusal.Conflict($"A change of {request.Outgoing} at window {window.Number} is already waiting for the centre.");
        }

        if (request.Incoming is not null
            && await db.StaffChanges.AnyAsync(c => c.IncomingUserName == request.Incoming && c.Status == StaffChangeStatus.Pending, ct))
        {
            return new Refusal.Conflict($"{request.Incoming} is already named to take over in a change waiting for the centre.");
        }

        var flow = await definitions.GetCurrentAsync(db, FlowId, ct);
        if (flow is null)
        {
            return new Refusal.Conflict($"The staff-change flow '{FlowId}' has no published version; the centre must publish it first.");
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
        }, actor);

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
            return new Refusal.Conflict($"Another change of {request.Outgoing} or {request.Incoming} was filed at the same time; reload the staff changes.");
        }

        return StaffChangeResponse.From(change, tasks, db.History.Local.Where(h => h.InstanceId == change.Id), registry);
    }

    private static Refusal.Invalid? Shape(StaffChangeRequest request)
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

        return errors.Count > 0 ? WindowWrites.Invalid(errors, "The staff change request is not valid.") : null;
    }
}
