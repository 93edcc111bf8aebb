using System.Security.Claims;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>
/// A clerk stops serving at a window once the minimum term (原则上不少于2年) has passed; an earlier
/// end is a staff change the centre approves (<see cref="RequestStaffChange"/>), and is refused here.
/// </summary>
internal sealed record EndStaffCommand(string Number, string UserName, EndStaffRequest End);

internal sealed class EndStaff(ApprovalDbContext db, StaffRoster roster, IAuthorizationService authorization)
{
    public async Task<Result<WindowStaffView>> RunAsync(EndStaffCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseKeepingAsync(user) is { } refused)
        {
            return refused;
        }

        var (number, userName, reason) = (command.Number, command.UserName, command.End.Reason);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            return new Refusal.Invalid("reason", "reason is required, at most 2000 characters.");
        }

        var window = await db.Windows.AsNoTracking().FirstOrDefaultAsync(w => w.Number == number, ct);
        if (window is null)
        {
            return WindowWrites.NoWindow(number);
        }

        var assignment = await roster.CurrentAsync(window.Id, userName, ct);
        if (assignment is null)
        {
            return new Refusal.NotFound($"'{userName}' does not serve at window {number}.");
        }

        if (roster.IsEarly(assignment))
        {
            return new Refusal.Conflict(
                $"{userName} has served at window {number} since {assignment.StartedOn:yyyy-MM-dd}; the minimum term of "
                + $"{roster.MinimumTermYears} years ends on {roster.TermEndsOn(assignment):yyyy-MM-dd}. An earlier change needs the centre's "
                + "approval: the department files it with POST /api/staff-changes.")
            {
                Title = "The minimum term has not passed",
                Extensions = new Dictionary<string, object?> { ["minimumTermEndsOn"] = roster.TermEndsOn(assignment) },
            };
        }

        var actor = Actor.From(user);
        await roster.EndAsync(assignment, actor.UserName, reason, staffChangeId: null, actor, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Refusal.Conflict($"{userName}'s service at window {number} was changed by someone else meanwhile; reload it.");
        }

        return roster.View(assignment);
    }
}
