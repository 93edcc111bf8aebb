using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Catalogue;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>Keeping the hall: windows and their grants, read by staff, written by the centre's administrators.</summary>
internal static class WindowsApi
{
    public static IEndpointRouteBuilder MapWindows(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/windows").WithTags("Windows").RequireAuthorization(Policies.Windows.Read);
        group.MapGet("", ListAsync).WithSummary("Every window with its departments, grants and current staff.");
        group.MapGet("/{number}", GetAsync);

        var write = group.MapGroup("").RequireAuthorization(Policies.Windows.Manage);
        write.MapPost("", CreateAsync).WithSummary("Add a window.");
        write.MapPut("/{number}", UpdateAsync).WithSummary("Change a window: name, type, departments and its head's authority in each, head, phones.");
        write.MapDelete("/{number}", DeleteAsync).WithSummary("Remove a window entered by mistake; one that has had staff stays on record.");
        write.MapPut("/{number}/grants/{itemCode}", GrantAsync)
            .WithSummary("Let the window accept an item, and decide it on the spot (an instant item, the head holding middle-level chief's authority).");
        write.MapDelete("/{number}/grants/{itemCode}", WithdrawAsync).WithSummary("The window no longer serves the item.");
        app.MapWindowStaff();
        app.MapStaffChanges();
        app.MapPublicWindows();
        return app;
    }

    private static async Task<Ok<List<WindowResponse>>> ListAsync(ApprovalDbContext db, WindowViews views, CancellationToken ct)
    {
        var windows = await db.Windows.AsNoTracking().Include(w => w.Grants).OrderBy(w => w.Number).ToListAsync(ct);
        return TypedResults.Ok(await views.ForStaffAsync(windows, ct));
    }

    private static async Task<Results<Ok<WindowResponse>, ProblemHttpResult>> GetAsync(
        string number, ApprovalDbContext db, WindowViews views, CancellationToken ct)
    {
        var window = await db.Windows.AsNoTracking().Include(w => w.Grants).FirstOrDefaultAsync(w => w.Number == number, ct);
        return window is null ? NoWindow(number) : TypedResults.Ok((await views.ForStaffAsync([window], ct))[0]);
    }

    private static async Task<Results<Created<WindowResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        WindowRequest request, ApprovalDbContext db, WindowEditor editor, WindowViews views, CancellationToken ct)
    {
        var errors = WindowRules.Check(request);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        if (await db.Windows.AnyAsync(w => w.Number == request.Number, ct))
        {
            return Problems.Conflict($"Window '{request.Number}' already exists; change it with PUT.");
        }

        var window = editor.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"Window '{request.Number}' was added by someone else at the same time.");
        }

        return TypedResults.Created($"/api/windows/{window.Number}", (await views.ForStaffAsync([window], ct))[0]);
    }

    private static async Task<Results<Ok<WindowResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string number, WindowRequest request, ApprovalDbContext db, WindowEditor editor, WindowViews views, CancellationToken ct)
    {
        if (request.Number != number)
        {
            return Problems.Invalid("number", $"The body's number '{request.Number}' is not '{number}'; a window's number does not change.");
        }

        var errors = WindowRules.Check(request);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var window = await db.Windows.Include(w => w.Grants).FirstOrDefaultAsync(w => w.Number == number, ct);
        if (window is null)
        {
            return NoWindow(number);
        }

        errors = await editor.CheckAgainstGrantsAsync(window, request, ct);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        editor.Update(window, request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict($"Window '{number}' was changed by someone else meanwhile; reload it.");
        }

        return TypedResults.Ok((await views.ForStaffAsync([window], ct))[0]);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string number, ApprovalDbContext db, AuditLog audit, CancellationToken ct)
    {
        var window = await db.Windows.Include(w => w.Grants).FirstOrDefaultAsync(w => w.Number == number, ct);
        if (window is null)
        {
            return NoWindow(number);
        }

        if (await db.WindowAssignments.AnyAsync(a => a.WindowId == window.Id, ct) || await db.StaffChanges.AnyAsync(c => c.WindowId == window.Id, ct))
        {
            return Problems.Conflict($"Window '{number}' has had staff: it stays on record. Withdraw its grants and staff instead.");
        }

        db.Windows.Remove(window);
        audit.Record(AuditActions.WindowDeleted, AuditResources.Window, number, new
        {
            window = WindowEditor.Snapshot(window),
            grants = window.Grants.Select(g => g.ItemCode).Order(StringComparer.Ordinal).ToList(),
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<WindowGrantView>, ValidationProblem, ProblemHttpResult>> GrantAsync(
        string number, string itemCode, WindowGrantRequest request, ClaimsPrincipal user, ApprovalDbContext db, WindowEditor editor,
        CancellationToken ct)
    {
        var window = await db.Windows.Include(w => w.Grants).FirstOrDefaultAsync(w => w.Number == number, ct);
        if (window is null)
        {
            return NoWindow(number);
        }

        var item = await db.PowerItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == itemCode, ct);
        if (item is null)
        {
            return Problems.NotFound($"There is no item '{itemCode}'.");
        }

        var errors = WindowEditor.CheckGrant(window, item, request);
        if (errors.Count > 0)
        {
            return Problems.Invalid($"Window {number} cannot hold this grant for item {itemCode}.", errors);
        }

        var grant = editor.Grant(window, itemCode, request, user.Identity?.Name);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"The grant of item {itemCode} to window {number} was changed by someone else at the same time; reload it.");
        }

        return TypedResults.Ok(new WindowGrantView(
            itemCode, item.Name, item.Department, item.CaseKind, grant.MayAccept, grant.MayDecideOnTheSpot, WindowViews.Authority(grant)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(
        string number, string itemCode, ApprovalDbContext db, AuditLog audit, CancellationToken ct)
    {
        var grant = await db.WindowGrants.FirstOrDefaultAsync(g => g.ItemCode == itemCode && db.Windows.Any(w => w.Id == g.WindowId && w.Number == number), ct);
        if (grant is null)
        {
            return Problems.NotFound($"Window {number} holds no grant for item {itemCode}.");
        }

        db.WindowGrants.Remove(grant);
        audit.Record(AuditActions.WindowGrantWithdrawn, AuditResources.Window, number, new
        {
            itemCode,
            old = new { grant.MayAccept, grant.MayDecideOnTheSpot },
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    internal static ProblemHttpResult NoWindow(string number) => Problems.NotFound($"There is no window '{number}'.");

    private static ValidationProblem Invalid(IEnumerable<(string Field, string Message)> errors) =>
        Problems.Invalid("The window is not valid.", errors);
}
