using System.Globalization;
using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

/// <summary>
/// What acknowledging and resolving a warning share: who may handle which warning (the supervision
/// office every one, a department head their department's), and the handling itself with its audit entry.
/// </summary>
internal sealed class WarningHandling(ApprovalDbContext db, IAuthorizationService authorization, TimeProvider clock, AuditLog audit)
{
    public const int CommentLength = 2000;

    /// <summary>The warning <paramref name="user"/> may handle, or why not: 403 for who may handle none, 404 for one they may not know of.</summary>
    public async Task<Result<Warning>> FindAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.Supervision.Handle)).Succeeded)
        {
            return new Refusal.Forbidden("Warnings are handled by the supervision office (电子监察) and, for their department, department heads.");
        }

        var warning = await db.Warnings.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (warning is null || !(await authorization.AuthorizeAsync(user, warning, Operations.See)).Succeeded)
        {
            return new Refusal.NotFound($"There is no warning {id} you may handle.");
        }

        if (!(await authorization.AuthorizeAsync(user, warning, Operations.Handle)).Succeeded)
        {
            return new Refusal.Forbidden("You may not handle this warning.");
        }

        return warning;
    }

    /// <summary>A resolved warning stays resolved, and one is not put in the state it is in.</summary>
    public static Refusal? RefuseMove(Warning warning, WarningStatus to) =>
        warning.Status == WarningStatus.Resolved || warning.Status == to ? new Refusal.Conflict($"Warning {warning.Id} is already {warning.Status}.") : null;

    /// <summary>Moves the warning to <paramref name="to"/> with the audit entry; the caller saves.</summary>
    public void Move(Warning warning, WarningStatus to, string? comment, Actor actor)
    {
        audit.Record(to == WarningStatus.Resolved ? AuditActions.WarningResolved : AuditActions.WarningAcknowledged,
            AuditResources.Warning, warning.Id.ToString(CultureInfo.InvariantCulture), new
            {
                caseId = warning.CaseId,
                kind = warning.Kind,
                severity = warning.Severity,
                from = warning.Status,
                Comment = comment,
                escalationTaskId = to == WarningStatus.Resolved ? warning.EscalationTaskId : null,
            }, actor);
        warning.Status = to;
        warning.Comment = comment;
        warning.HandledBy = actor.UserName;
        warning.HandledAt = clock.GetUtcNow();
    }
}
