using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

internal sealed record PauseClockCommand(Guid CaseId, SpecialProcedure Kind, string? Reason, DateOnly? Start = null, int? ExpectedDays = null);

/// <summary>Starts a special procedure (特别程序, Art. 45): both clocks stop from its start until it ends.</summary>
internal sealed class PauseClock(ApprovalDbContext db, ClockChange change, CaseClock clocks, AuditLog audit, IEnumerable<IClockNotices> notices)
{
    public async Task<Result<CaseClockView>> RunAsync(PauseClockCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        var running = await change.RunningCaseAsync(command.CaseId, user, Policies.Cases.MoveClocks, Operations.MoveClocks, ct);
        if (running.Refusal is { } refused)
        {
            return refused;
        }

        if (ClockChange.ReasonProblem(command.Reason) is { } invalid)
        {
            return invalid;
        }

        if (command.ExpectedDays is < CasePause.MinExpectedDays or > CasePause.MaxExpectedDays)
        {
            return new Refusal.Invalid("expectedDays",
                $"expectedDays, the working days the procedure is expected to take, is from {CasePause.MinExpectedDays} to {CasePause.MaxExpectedDays}.");
        }

        var @case = running.Value!;
        var start = command.Start ?? clocks.Today;
        if (@case.AcceptedOn is not { } accepted || start < accepted || start > clocks.Today)
        {
            return new Refusal.Invalid("start", "A special procedure starts on or after acceptance, and not in the future.");
        }

        if (await db.CasePauses.AnyAsync(p => p.CaseId == @case.Id && p.End == null, ct))
        {
            return new Refusal.Conflict("A special procedure is already under way; end it first.");
        }

        var actor = Actor.From(user);
        var before = CaseClock.Deadlines(@case);
        var pause = new CasePause
        {
            CaseId = @case.Id, Kind = command.Kind, Reason = command.Reason!, Start = start, ExpectedDays = command.ExpectedDays, StartedBy = actor.UserName,
        };
        db.CasePauses.Add(pause);
        await clocks.RecomputeAsync(@case, ClockEventKind.Paused, $"{command.Kind}：{command.Reason}（自 {start:yyyy-MM-dd} 起暂停计时）", actor.UserName, ct);
        audit.Record(AuditActions.CasePaused, AuditResources.Case, @case.Id.ToString(), new
        {
            kind = command.Kind,
            command.Reason,
            start,
            command.ExpectedDays,
            deadlines = new { old = before, @new = CaseClock.Deadlines(@case) },
        }, actor);
        foreach (var notice in notices)
        {
            await notice.SpecialProcedureStartedAsync(@case, pause, actor, ct);
        }

        return await change.SaveAsync(@case, ct);
    }
}
