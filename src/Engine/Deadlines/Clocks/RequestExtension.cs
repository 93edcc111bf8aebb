using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Cases;
using Approval.Engine.Runtime;
using Approval.Engine.UseCases;

namespace Approval.Engine.Deadlines;

internal sealed record RequestExtensionCommand(Guid CaseId, string? Reason);

/// <summary>Asks the department head for the case's one extension (延长, Art. 42): the item's extension days, once.</summary>
internal sealed class RequestExtension(ClockChange change, CaseClock clocks, AuditLog audit)
{
    public async Task<Result<CaseClockView>> RunAsync(RequestExtensionCommand command, ClaimsPrincipal user, CancellationToken ct)
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

        var @case = running.Value!;
        if (@case.AcceptedOn is null)
        {
            return new Refusal.Conflict("The case has not been accepted: there is no time limit to extend yet.");
        }

        if (@case.Extension != ExtensionState.None)
        {
            return new Refusal.Conflict($"A case may be extended once; its extension is already {@case.Extension}.");
        }

        if (@case.ExtensionDays == 0)
        {
            return new Refusal.Conflict("This item's time limit cannot be extended.");
        }

        var actor = Actor.From(user);
        @case.Extension = ExtensionState.Requested;
        @case.ExtensionReason = command.Reason;
        @case.ExtensionRequestedBy = actor.UserName;
        clocks.Note(@case, ClockEventKind.ExtensionRequested, $"申请延长 {@case.ExtensionDays} 个工作日：{command.Reason}", actor.UserName);
        audit.Record(AuditActions.ExtensionRequested, AuditResources.Case, @case.Id.ToString(), new { days = @case.ExtensionDays, command.Reason }, actor);
        return await change.SaveAsync(@case, ct);
    }
}
