using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>
/// 窗口公开: every window, what it handles and with what authority, who heads it, and whom to call
/// or to complain to, for anyone without logging in. Staff names are not published.
/// </summary>
internal static class PublicWindowsApi
{
    public static IEndpointRouteBuilder MapPublicWindows(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public/windows").WithTags("Public").AllowAnonymous();
        group.MapGet("", ListAsync).WithSummary("Every window with its type, items and authority, head, phone and supervision phone; by type, department or item.");
        group.MapGet("/{number}", GetAsync).WithSummary("One window as published.");
        return app;
    }

    private static async Task<Results<Ok<List<PublicWindow>>, ValidationProblem>> ListAsync(
        ApprovalDbContext db, WindowViews views, CancellationToken ct, string? type = null, string? department = null, string? item = null)
    {
        WindowType? wanted = null;
        if (type is not null)
        {
            if (!Enum.TryParse<WindowType>(type, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.Invalid("type", "type must be Independent, Comprehensive or Convenience.");
            }

            wanted = parsed;
        }

        if (department?.Length > 100 || item?.Length > 50)
        {
            return Problems.Invalid("department", "department is at most 100 characters, item 50.");
        }

        var query = db.Windows.AsNoTracking().Include(w => w.Grants).AsQueryable();
        if (wanted is not null)
        {
            query = query.Where(w => w.Type == wanted);
        }

        if (!string.IsNullOrWhiteSpace(item))
        {
            query = query.Where(w => w.Grants.Any(g => g.ItemCode == item && g.MayAccept));
        }

        var windows = await query.OrderBy(w => w.Number).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(department))
        {
            windows = [.. windows.Where(w => w.Serves(department))];
        }

        return TypedResults.Ok(await views.ForPublicAsync(windows, ct));
    }

    private static async Task<Results<Ok<PublicWindow>, ProblemHttpResult>> GetAsync(
        string number, ApprovalDbContext db, WindowViews views, CancellationToken ct)
    {
        var window = await db.Windows.AsNoTracking().Include(w => w.Grants).FirstOrDefaultAsync(w => w.Number == number, ct);
        return window is null ? WindowsApi.NoWindow(number) : TypedResults.Ok((await views.ForPublicAsync([window], ct))[0]);
    }
}
