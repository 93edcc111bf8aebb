using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Cases;
using Approval.Engine.Runtime;
using Approval.Engine.UseCases;

namespace Approval.Engine.Deadlines;

internal sealed record DecideExtensionCommand(Guid CaseId, bool Approve, string? Comment = null);

/// <summary>The handling department's head approves the requested extension (the deadlines move) or refuses it.</summary>
internal sealed class DecideExtension(ClockChange change, CaseClock clocks, AuditLog audit, IEnumerable<IClockNotices> notices)
{
    public async Task<Result<CaseClockView>> RunAsync(DecideExtensionCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        var running = await change.RunningCaseAsync(command.CaseId, user, Policies.Cases.DecideExtension, Operations.DecideExtension, ct);
        if (running.Refusal is { } refused)
        {
            return refused;
        }

        if (command.Comment?.Length > ClockChange.MaxTextLength)
        {
            return new Refusal.Invalid("comment", $"comment is at most {ClockChange.MaxTextLength} characters.");
        }

        var @case = running.Value!;
        if (@case.Extension != ExtensionState.Requested)
        {
            return new Refusal.Conflict("There is no extension request waiting for a decision.");
        }

        var actor = Actor.From(user);
        var before = CaseClock.Deadlines(@case);
        @case.ExtensionDecidedBy = actor.UserName;
        if (command.Approve)
        {
            @case.Extension = ExtensionState.Approved;
            await clocks.RecomputeAsync(@case, ClockEventKind.Extended, $"负责人批准延长 {@case.ExtensionDays} 个工作日。{command.Comment}", actor.UserName, ct);
        }
        else
        {
            @case.Extension = ExtensionState.Refused;
            clocks.Note(@case, ClockEventKind.ExtensionRefused, $"负责人不予延长。{command.Comment}", actor.UserName);
        }

        audit.Record(AuditActions.ExtensionDecided, AuditResources.Case, @case.Id.ToString(), new
        {
            command.Approve,
            command.Comment,
            days = @case.ExtensionDays,
            deadlines = new { old = before, @new = CaseClock.Deadlines(@case) },
        }, actor);
        if (command.Approve)
        {
            foreach (var notice in notices)
            {
                await notice.ExtensionApprovedAsync(@case, command.Comment, actor, ct);
            }
        }

        return await change.SaveAsync(@case, ct);
    }
}
