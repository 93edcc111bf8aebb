using System.Security.Claims;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>A window's new name, type, departments (and its head's authority in each), head and phones; its number stays.</summary>
internal sealed record UpdateWindowCommand(string Number, WindowRequest Window);

internal sealed class UpdateWindow(ApprovalDbContext db, WindowEditor editor, WindowViews views, IAuthorizationService authorization)
{
    public async Task<Result<WindowResponse>> RunAsync(UpdateWindowCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseKeepingAsync(user) is { } refused)
        {
            return refused;
        }

        var (number, request) = (command.Number, command.Window);
        if (request.Number != number)
        {
            return new Refusal.Invalid("number", $"The body's number '{request.Number}' is not '{number}'; a window's number does not change.");
        }

        var errors = WindowRules.Check(request);
        if (errors.Count > 0)
        {
            return WindowWrites.Invalid(errors);
        }

        var window = await db.Windows.Include(w => w.Grants).FirstOrDefaultAsync(w => w.Number == number, ct);
        if (window is null)
        {
            return WindowWrites.NoWindow(number);
        }

        errors = await editor.CheckAgainstGrantsAsync(window, request, ct);
        if (errors.Count > 0)
        {
            return WindowWrites.Invalid(errors);
        }

        editor.Update(window, request, Actor.From(user));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Refusal.Conflict($"Window '{number}' was changed by someone else meanwhile; reload it.");
        }

        return (await views.ForStaffAsync([window], ct))[0];
    }
}
