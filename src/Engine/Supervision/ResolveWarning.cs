using System.Security.Claims;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;

namespace Approval.Engine.Supervision;

/// <summary>The warning is dealt with, said how in the comment; a red card's escalation task (督办任务) is done with it.</summary>
internal sealed record ResolveWarningCommand(long Id, string? Comment);

internal sealed class ResolveWarning(ApprovalDbContext db, WarningHandling handling, EscalationTasks tasks)
{
    public async Task<Result<WarningView>> RunAsync(ResolveWarningCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await handling.FindAsync(command.Id, user, ct);
        if (found.Refusal is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(command.Comment) || command.Comment.Length > WarningHandling.CommentLength)
        {
            return new Refusal.Invalid("comment", $"A resolution needs a comment of at most {WarningHandling.CommentLength} characters.");
        }

        var warning = found.Value!;
        if (WarningHandling.RefuseMove(warning, WarningStatus.Resolved) is { } conflict)
        {
            return conflict;
        }

        var actor = Actor.From(user);
        handling.Move(warning, WarningStatus.Resolved, command.Comment, actor);
        await tasks.CloseForAsync(warning, command.Comment, actor.UserName, ct);
        await db.SaveChangesAsync(ct);
        return WarningView.From(warning);
    }
}
