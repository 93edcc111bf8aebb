using System.Security.Claims;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>A new window of the hall (窗口), with its departments, head and phones; its grants and staff come after.</summary>
internal sealed record CreateWindowCommand(WindowRequest Window);

internal sealed class CreateWindow(ApprovalDbContext db, WindowEditor editor, WindowViews views, IAuthorizationService authorization)
{
    public async Task<Result<WindowResponse>> RunAsync(CreateWindowCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseKeepingAsync(user) is { } refused)
        {
            return refused;
        }

        var request = command.Window;
        var errors = WindowRules.Check(request);
        if (errors.Count > 0)
        {
            return WindowWrites.Invalid(errors);
        }

        if (await db.Windows.AnyAsync(w => w.Number == request.Number, ct))
        {
            return new Refusal.Conflict($"Window '{request.Number}' already exists; change it with PUT.");
        }

        var window = editor.Add(request, Actor.From(user));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Refusal.Conflict($"Window '{request.Number}' was added by someone else at the same time.");
        }

        return (await views.ForStaffAsync([window], ct))[0];
    }
}
