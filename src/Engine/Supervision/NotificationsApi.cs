using Approval.Engine.Deadlines;
using Approval.Engine.Access;
using Approval.Engine.Http;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Supervision;

/// <summary>Each user's notifications: unread first, marked read one by one.</summary>
internal static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Supervision").RequireAuthorization(Policies.Notifications.Own);
        group.MapGet("", ListAsync).WithSummary("The caller's notifications, newest first; ?unread=true for unread only.");
        group.MapPost("/{id:long}/read", ReadAsync);
        return app;
    }

    private static async Task<Results<Ok<List<NotificationView>>, ValidationProblem>> ListAsync(
        System.Security.Claims.ClaimsPrincipal user, ApprovalDbContext db, CancellationToken ct, bool unread = false, int take = 100)
    {
        if (take is < 1 or > 500)
        {
            return Problems.Invalid("take", "take is between 1 and 500.");
        }

        var name = Actor.From(user).UserName;
        var list = await db.Notifications.AsNoTracking()
            .Where(n => n.UserName == name && (!unread || n.ReadAt == null))
            .OrderByDescending(n => n.Id)
            .Take(take)
            .Select(n => new NotificationView(n.Id, n.Title, n.Body, n.CaseId, n.WarningId, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return TypedResults.Ok(list);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ReadAsync(
        long id, System.Security.Claims.ClaimsPrincipal user, ReadNotification read, CancellationToken ct) =>
        (await read.RunAsync(new(id), user, ct)).ToHttp(_ => TypedResults.NoContent());
}

public sealed record NotificationView(long Id, string Title, string Body, Guid? CaseId, long? WarningId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
