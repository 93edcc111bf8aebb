using System.Security.Claims;
using Approval.Engine.Access;
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

        // Who may write is the use cases' decision (the centre's administrators); the group's read policy stays in front.
        group.MapPost("", CreateAsync).WithSummary("Add a window.");
        group.MapPut("/{number}", UpdateAsync).WithSummary("Change a window: name, type, departments and its head's authority in each, head, phones.");
        group.MapDelete("/{number}", DeleteAsync).WithSummary("Remove a window entered by mistake; one that has had staff stays on record.");
        group.MapPut("/{number}/grants/{itemCode}", GrantAsync)
            .WithSummary("Let the window accept an item, and decide it on the spot (an instant item, the head holding middle-level chief's authority).");
        group.MapDelete("/{number}/grants/{itemCode}", WithdrawAsync).WithSummary("The window no longer serves the item.");
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

    private static async Task<Results<Created<WindowResponse>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        WindowRequest request, ClaimsPrincipal user, CreateWindow create, CancellationToken ct) =>
        (await create.RunAsync(new(request), user, ct)).ToHttp(w => TypedResults.Created($"/api/windows/{w.Number}", w));

    private static async Task<Results<Ok<WindowResponse>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        string number, WindowRequest request, ClaimsPrincipal user, UpdateWindow update, CancellationToken ct) =>
        (await update.RunAsync(new(number, request), user, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteAsync(
        string number, ClaimsPrincipal user, DeleteWindow delete, CancellationToken ct) =>
        (await delete.RunAsync(new(number), user, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Results<Ok<WindowGrantView>, ProblemHttpResult, ValidationProblem>> GrantAsync(
        string number, string itemCode, WindowGrantRequest request, ClaimsPrincipal user, GrantItem grant, CancellationToken ct) =>
        (await grant.RunAsync(new(number, itemCode, request), user, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> WithdrawAsync(
        string number, string itemCode, ClaimsPrincipal user, WithdrawItem withdraw, CancellationToken ct) =>
        (await withdraw.RunAsync(new(number, itemCode), user, ct)).ToHttp(_ => TypedResults.NoContent());

    internal static ProblemHttpResult NoWindow(string number) => Problems.NotFound($"There is no window '{number}'.");
}
