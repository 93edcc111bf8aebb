using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

internal sealed record ResumeClockCommand(Guid CaseId, long PauseId, DateOnly? End = null);

/// <summary>Ends a special procedure: the clocks run again, the deadlines moved by the working days it took.</summary>
internal sealed class ResumeClock(ApprovalDbContext db, ClockChange change, CaseClock clocks, AuditLog audit)
{
    public async Task<Result<CaseClockView>> RunAsync(ResumeClockCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        var running = await change.RunningCaseAsync(command.CaseId, user, Policies.Cases.MoveClocks, Operations.MoveClocks, ct);
        if (running.Refusal is { } refused)
        {
            return refused;
        }

        var @case = running.Value!;
        var pause = await db.CasePauses.FirstOrDefaultAsync(p => p.Id == command.PauseId && p.CaseId == @case.Id, ct);
        if (pause is null)
        {
            return new Refusal.NotFound($"Case {@case.Id} has no special procedure {command.PauseId}.");
        }

        if (pause.End is not null)
        {
            return new Refusal.Conflict("That special procedure has already ended.");
        }

        var end = command.End ?? clocks.Today;
        if (end < pause.Start || end > clocks.Today)
        {
            return new Refusal.Invalid("end", "A special procedure ends on or after its start, and not in the future.");
        }

        var actor = Actor.From(user);
        var before = CaseClock.Deadlines(@case);
        pause.End = end;
        pause.EndedBy = actor.UserName;
        await clocks.RecomputeAsync(@case, ClockEventKind.Resumed, $"{pause.Kind} 于 {end:yyyy-MM-dd} 结束，恢复计时。", actor.UserName, ct);
        audit.Record(AuditActions.CaseResumed, AuditResources.Case, @case.Id.ToString(), new
        {
            pauseId = command.PauseId,
            kind = pause.Kind,
            pause.Start,
            end,
            deadlines = new { old = before, @new = CaseClock.Deadlines(@case) },
        }, actor);
        return await change.SaveAsync(@case, ct);
    }
}
