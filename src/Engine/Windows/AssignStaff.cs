using System.Security.Claims;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>A clerk (窗口人员) starts serving at a window, today or on the day given; one serving elsewhere moves only by a staff change.</summary>
internal sealed record AssignStaffCommand(string Number, AssignStaffRequest Staff);

internal sealed class AssignStaff(ApprovalDbContext db, StaffRoster roster, IAuthorizationService authorization)
{
    public async Task<Result<WindowStaffView>> RunAsync(AssignStaffCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseKeepingAsync(user) is { } refused)
        {
            return refused;
        }

        var (number, request) = (command.Number, command.Staff);
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 256)
        {
            return new Refusal.Invalid("userName", "userName is required, at most 256 characters.");
        }

        var startedOn = request.StartedOn ?? roster.Today;
        if (startedOn > roster.Today || startedOn.Year < 2000)
        {
            return new Refusal.Invalid("startedOn", "startedOn is a day from 2000 on and not in the future.");
        }

        var window = await db.Windows.FirstOrDefaultAsync(w => w.Number == number, ct);
        if (window is null)
        {
            return WindowWrites.NoWindow(number);
        }

        var (clerk, problem) = await roster.NewcomerAsync(request.UserName, ct);
        if (clerk is null)
        {
            return new Refusal.Invalid("userName", problem!);
        }

        var actor = Actor.From(user);
        var assignment = roster.Start(window, clerk, startedOn, actor.UserName, actor: actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Refusal.Conflict($"'{request.UserName}' was assigned to a window by someone else at the same time.");
        }

        return roster.View(assignment);
    }
}
