using System.Security.Claims;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;

namespace Approval.Engine.Supervision;

/// <summary>The warning is seen and being dealt with; a comment may say how.</summary>
internal sealed record AcknowledgeWarningCommand(long Id, string? Comment);

internal sealed class AcknowledgeWarning(ApprovalDbContext db, WarningHandling handling)
{
    public async Task<Result<WarningView>> RunAsync(AcknowledgeWarningCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await handling.FindAsync(command.Id, user, ct);
        if (found.Refusal is { } refused)
        {
            return refused;
        }

        if (command.Comment?.Length > WarningHandling.CommentLength)
        {
            return new Refusal.Invalid("comment", $"A comment is at most {WarningHandling.CommentLength} characters.");
        }

        var warning = found.Value!;
        if (WarningHandling.RefuseMove(warning, WarningStatus.Acknowledged) is { } conflict)
        {
            return conflict;
        }

        handling.Move(warning, WarningStatus.Acknowledged, command.Comment, Actor.From(user));
        await db.SaveChangesAsync(ct);
        return WarningView.From(warning);
    }
}
