using Approval.Engine.Cases;
using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Http;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>Special procedures and extensions: the department that handles a case moves its clocks here.</summary>
internal static class CaseClockApi
{
    public static IEndpointRouteBuilder MapCaseClocks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}").WithTags("Cases").RequireAuthorization(Policies.Cases.MoveClocks);
        group.MapPost("/pauses", PauseAsync).WithSummary("Start a special procedure (Art. 45): both clocks stop.");
        group.MapPost("/pauses/{pauseId:long}/end", ResumeAsync).WithSummary("End a special procedure: the clocks run again.");
        group.MapPost("/extension", RequestExtensionAsync).WithSummary("Ask the department head for the one extension (Art. 42).");
        group.MapPost("/extension/decision", DecideExtensionAsync)
            .RequireAuthorization(Policies.Cases.DecideExtension)
            .WithSummary("The department head approves or refuses the extension.");
        return app;
    }

    private static async Task<Results<Ok<CaseClockView>, ProblemHttpResult, ValidationProblem>> PauseAsync(
        Guid id, PauseRequest request, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization, CaseClock clocks, CaseClockReader reader, TimerSchedule timers, AuditLog audit, CancellationToken ct)
    {
        var (@case, problem) = await RunningCaseAsync(id, user, db, authorization, Operations.MoveClocks, ct);
        if (@case is null)
        {
            return problem!;
        }

        if (ReasonProblem(request.Reason) is { } invalid)
        {
            return invalid;
        }

        var start = request.Start ?? clocks.Today;
        if (@case.AcceptedOn is not { } accepted || start < accepted || start > clocks.Today)
        {
            return Problems.Invalid("start", "A special procedure starts on or after acceptance, and not in the future.");
        }

        if (await db.CasePauses.AnyAsync(p => p.CaseId == id && p.End == null, ct))
        {
            return Problems.Conflict("A special procedure is already under way; end it first.");
        }

        var name = Actor.From(user).UserName;
        var before = CaseClock.Deadlines(@case);
        var pause = new CasePause { CaseId = id, Kind = request.Kind, Reason = request.Reason, Start = start, StartedBy = name };
        db.CasePauses.Add(pause);
        await clocks.RecomputeAsync(@case, ClockEventKind.Paused, $"{request.Kind}：{request.Reason}（自 {start:yyyy-MM-dd} 起暂停计时）", name, ct);
        audit.Record(AuditActions.CasePaused, AuditResources.Case, id.ToString(), new
        {
            kind = request.Kind,
            request.Reason,
            start,
            deadlines = new { old = before, @new = CaseClock.Deadlines(@case) },
        });
        return await SaveAsync(db, reader, timers, @case, ct);
    }

    private static async Task<Results<Ok<CaseClockView>, ProblemHttpResult, ValidationProblem>> ResumeAsync(
        Guid id, long pauseId, ResumeRequest request, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization, CaseClock clocks, CaseClockReader reader, TimerSchedule timers, AuditLog audit, CancellationToken ct)
    {
        var (@case, problem) = await RunningCaseAsync(id, user, db, authorization, Operations.MoveClocks, ct);
        if (@case is null)
        {
            return problem!;
        }

        var pause = await db.CasePauses.FirstOrDefaultAsync(p => p.Id == pauseId && p.CaseId == id, ct);
        if (pause is null)
        {
            return Problems.NotFound($"Case {id} has no special procedure {pauseId}.");
        }

        if (pause.End is not null)
        {
            return Problems.Conflict("That special procedure has already ended.");
        }

        var end = request.End ?? clocks.Today;
        if (end < pause.Start || end > clocks.Today)
        {
            return Problems.Invalid("end", "A special procedure ends on or after its start, and not in the future.");
        }

        var name = Actor.From(user).UserName;
        var before = CaseClock.Deadlines(@case);
        pause.End = end;
        pause.EndedBy = name;
        await clocks.RecomputeAsync(@case, ClockEventKind.Resumed, $"{pause.Kind} 于 {end:yyyy-MM-dd} 结束，恢复计时。", name, ct);
        audit.Record(AuditActions.CaseResumed, AuditResources.Case, id.ToString(), new
        {
            pauseId,
            kind = pause.Kind,
            pause.Start,
            end,
            deadlines = new { old = before, @new = CaseClock.Deadlines(@case) },
        });
        return await SaveAsync(db, reader, timers, @case, ct);
    }

    private static async Task<Results<Ok<CaseClockView>, ProblemHttpResult, ValidationProblem>> RequestExtensionAsync(
        Guid id, ExtensionRequest request, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization, CaseClock clocks, CaseClockReader reader, TimerSchedule timers, AuditLog audit, CancellationToken ct)
    {
        var (@case, problem) = await RunningCaseAsync(id, user, db, authorization, Operations.MoveClocks, ct);
        if (@case is null)
        {
            return problem!;
        }

        if (ReasonProblem(request.Reason) is { } invalid)
        {
            return invalid;
        }

        if (@case.AcceptedOn is null)
        {
            return Problems.Conflict("The case has not been accepted: there is no time limit to extend yet.");
        }

        if (@case.Extension != ExtensionState.None)
        {
            return Problems.Conflict($"A case may be extended once; its extension is already {@case.Extension}.");
        }

        if (@case.ExtensionDays == 0)
        {
            return Problems.Conflict("This item's time limit cannot be extended.");
        }

        var name = Actor.From(user).UserName;
        @case.Extension = ExtensionState.Requested;
        @case.ExtensionReason = request.Reason;
        @case.ExtensionRequestedBy = name;
        clocks.Note(@case, ClockEventKind.ExtensionRequested, $"申请延长 {@case.ExtensionDays} 个工作日：{request.Reason}", name);
        audit.Record(AuditActions.ExtensionRequested, AuditResources.Case, id.ToString(), new { days = @case.ExtensionDays, request.Reason });
        return await SaveAsync(db, reader, timers, @case, ct);
    }

    private static async Task<Results<Ok<CaseClockView>, ProblemHttpResult, ValidationProblem>> DecideExtensionAsync(
        Guid id, ExtensionDecision request, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization, CaseClock clocks, CaseClockReader reader, TimerSchedule timers, AuditLog audit, CancellationToken ct)
    {
        var (@case, problem) = await RunningCaseAsync(id, user, db, authorization, Operations.DecideExtension, ct);
        if (@case is null)
        {
            return problem!;
        }

        if (request.Comment?.Length > 2000)
        {
            return Problems.Invalid("comment", "comment is at most 2000 characters.");
        }

        if (@case.Extension != ExtensionState.Requested)
        {
            return Problems.Conflict("There is no extension request waiting for a decision.");
        }

        var name = Actor.From(user).UserName;
        var before = CaseClock.Deadlines(@case);
        @case.ExtensionDecidedBy = name;
        if (request.Approve)
        {
            @case.Extension = ExtensionState.Approved;
            await clocks.RecomputeAsync(@case, ClockEventKind.Extended, $"负责人批准延长 {@case.ExtensionDays} 个工作日。{request.Comment}", name, ct);
        }
        else
        {
            @case.Extension = ExtensionState.Refused;
            clocks.Note(@case, ClockEventKind.ExtensionRefused, $"负责人不予延长。{request.Comment}", name);
        }

        audit.Record(AuditActions.ExtensionDecided, AuditResources.Case, id.ToString(), new
        {
            request.Approve,
            request.Comment,
            days = @case.ExtensionDays,
            deadlines = new { old = before, @new = CaseClock.Deadlines(@case) },
        });

        return await SaveAsync(db, reader, timers, @case, ct);
    }

    private static ValidationProblem? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Length > 2000
            ? Problems.Invalid("reason", "reason is required, at most 2000 characters.")
            : null;

    // The case must exist for the caller, be theirs to move (CaseAccess), and run.
    private static async Task<(Case?, ProblemHttpResult?)> RunningCaseAsync(
        Guid id, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization, OperationAuthorizationRequirement operation,
        CancellationToken ct)
    {
        var @case = await db.Cases.Include(c => c.Instance).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (await authorization.RefuseAsync(user, @case, operation, $"There is no case {id}.") is { } refused)
        {
            return (null, refused);
        }

        if (@case!.Instance.Status != InstanceStatus.Running || @case.ItemCode is null)
        {
            return (null, Problems.Conflict("The case is finished, or has no time limits: its clocks cannot move."));
        }

        return (@case, null);
    }

    private static async Task<Results<Ok<CaseClockView>, ProblemHttpResult, ValidationProblem>> SaveAsync(
        ApprovalDbContext db, CaseClockReader reader, TimerSchedule timers, Case @case, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The case's clocks were moved by someone else meanwhile; reload and try again.");
        }

        await timers.FlushAsync(ct);
        return TypedResults.Ok(await reader.ReadAsync(@case, ct));
    }
}

public sealed record PauseRequest(SpecialProcedure Kind, string Reason, DateOnly? Start = null);

public sealed record ResumeRequest(DateOnly? End = null);

public sealed record ExtensionRequest(string Reason);

public sealed record ExtensionDecision(bool Approve, string? Comment = null);
