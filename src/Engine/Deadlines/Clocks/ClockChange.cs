using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Cases;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>
/// What every change to a case's clocks shares (<see cref="PauseClock"/>, <see cref="ResumeClock"/>,
/// <see cref="RequestExtension"/>, <see cref="DecideExtension"/>): the running case the caller may move, and saving the change.
/// </summary>
internal sealed class ClockChange(ApprovalDbContext db, IAuthorizationService authorization, CaseClockReader reader, TimerSchedule timers)
{
    public const int MaxTextLength = 2000;

    /// <summary>The case, when it exists for the caller, is theirs to move (the policy, then <see cref="CaseAccess"/>) and runs.</summary>
    public async Task<Result<Case>> RunningCaseAsync(
        Guid id, ClaimsPrincipal user, string policy, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var @case = await db.Cases.Include(c => c.Instance).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (await authorization.RefusalAsync(user, policy, @case, operation, $"There is no case {id}.") is { } refused)
        {
            return refused;
        }

        if (@case!.Instance.Status != InstanceStatus.Running || @case.ItemCode is null)
        {
            return new Refusal.Conflict("The case is finished, or has no time limits: its clocks cannot move.");
        }

        return @case;
    }

    /// <summary>Null when <paramref name="reason"/> is given and not too long.</summary>
    public static Refusal.Invalid? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Length > MaxTextLength
            ? new Refusal.Invalid("reason", $"reason is required, at most {MaxTextLength} characters.")
            : null;

    /// <summary>Saves the change with its audit entry, reschedules the case's timers and reads its clocks back.</summary>
    public async Task<Result<CaseClockView>> SaveAsync(Case @case, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Refusal.Conflict("The case's clocks were moved by someone else meanwhile; reload and try again.");
        }

        await timers.FlushAsync(ct);
        return await reader.ReadAsync(@case, ct);
    }
}
