using System.Security.Claims;
using Approval.Activities.Human;
using Approval.Activities.Registry;
using Approval.Engine.Access;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Tasks;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>
/// The centre approves (准予) or refuses (不予同意) a pending staff change: its flow's approval step
/// is completed with that outcome through <see cref="CompleteTask"/> (the same checks as the inbox), and an approval that ends the flow applies the change at once
/// (<see cref="StaffChangeObserver"/>). A flow redesigned with other outcomes is decided in the inbox.
/// </summary>
internal sealed record DecideStaffChangeCommand(Guid Id, bool Approve, string? Comment);

internal sealed class DecideStaffChange(
    ApprovalDbContext db, CompleteTask completeTask, ActivityRegistry registry, IAuthorizationService authorization)
{
    public const int CommentLength = 2000;

    public async Task<Result<StaffChangeResponse>> RunAsync(DecideStaffChangeCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseKeepingAsync(user) is not null)
        {
            return new Refusal.Forbidden("Staff changes are decided by the centre's administrators (中心管理员).");
        }

        var change = await db.StaffChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == command.Id, ct);
        if (change is null || !(await authorization.AuthorizeAsync(user, change, Operations.See)).Succeeded)
        {
            return new Refusal.NotFound($"There is no staff change {command.Id}.");
        }

        if (change.Status != StaffChangeStatus.Pending)
        {
            return new Refusal.Conflict($"Staff change {command.Id} is already {change.Status}: {change.Detail}");
        }

        var open = await db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == change.Id && t.Status == WorkTaskStatus.Open).OrderBy(t => t.CreatedAt).ToListAsync(ct);
        WorkflowTask? step = null;
        foreach (var task in open)
        {
            if ((await authorization.AuthorizeAsync(user, task, Operations.Complete)).Succeeded)
            {
                step = task;
                break;
            }
        }

        if (step is null)
        {
            return open.Count == 0
                ? new Refusal.Conflict($"Staff change {command.Id} waits for no decision now; reload it.")
                : new Refusal.Forbidden($"Staff change {command.Id} waits at '{open[0].Name}', a step for role {open[0].Role}.");
        }

        if (command.Comment?.Length > CommentLength)
        {
            return new Refusal.Invalid("comment", $"comment is at most {CommentLength} characters.");
        }

        var outcome = command.Approve ? Decide.Grant : Decide.Deny;
        var completion = await completeTask.RunAsync(new CompleteTaskCommand(step.Id, outcome, command.Comment), user, ct);
        switch (completion.Refusal)
        {
            case null:
                break;
            case Refusal.Invalid { Errors: [{ Field: "outcome" }, ..] }:
                return new Refusal.Invalid("approve",
                    $"The step '{step.Name}' is not decided with {outcome} in this flow's version; complete it in the inbox.");
            case Refusal.Conflict:
                return new Refusal.Conflict($"The step '{step.Name}' of staff change {command.Id} was decided by someone else meanwhile; reload it.");
            case { } refusal:
                return refusal;
        }

        var decided = await db.StaffChanges.AsNoTracking().Include(c => c.Instance).FirstAsync(c => c.Id == change.Id, ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == change.Id && t.Status == WorkTaskStatus.Open).ToListAsync(ct);
        var history = await db.History.AsNoTracking().Where(h => h.InstanceId == change.Id).ToListAsync(ct);
        return StaffChangeResponse.From(decided, tasks, history, registry);
    }
}
