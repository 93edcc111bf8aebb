using Approval.Engine.Access;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Audit;

/// <summary>The supervision office reads the audit log and checks its chain; nothing writes to it here.</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit")
            .RequireAuthorization(Policies.Audit.Read);
        group.MapGet("", ListAsync)
            .WithSummary("Audit entries, newest first (order=oldest for oldest first), by resource, actor, action and time; page on with the answer's next.");
        group.MapGet("/verify", (ApprovalDbContext db, CancellationToken ct) => AuditVerifier.VerifyAsync(db, ct))
            .WithSummary("Walks the hash chain: { holds: true, entries, lastHash }, or the first broken entry and why.");
        return app;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        ApprovalDbContext db, CancellationToken ct,
        string? order = null, long? after = null, long? before = null, int take = 100,
        string? resourceType = null, string? resourceId = null, string? actor = null, string? action = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var problems = new List<(string, string)>();
        var oldestFirst = order?.ToLowerInvariant() switch
        {
            null or "newest" => false,
            "oldest" => true,
            _ => Add(problems, "order", "order is newest (the default) or oldest."),
        };
        if (take is < 1 or > 1000)
        {
            problems.Add(("take", "take is between 1 and 1000."));
        }

        if (after is < 0 || before is < 0)
        {
            problems.Add((after is < 0 ? "after" : "before", "A sequence number is 0 or more."));
        }

        if (from is not null && to is not null && from > to)
        {
            problems.Add(("to", "to is not before from."));
        }

        if (problems.Count > 0)
        {
            return Problems.Invalid("The audit query is not valid.", problems);
        }

        var query = db.AuditLog.AsNoTracking();
        query = after is null ? query : query.Where(e => e.Sequence > after);
        query = before is null ? query : query.Where(e => e.Sequence < before);
        query = resourceType is null ? query : query.Where(e => e.ResourceType == resourceType);
        query = resourceId is null ? query : query.Where(e => e.ResourceId == resourceId);
        query = actor is null ? query : query.Where(e => e.ActorName == actor);

        // "case." matches every action on cases; "case.filed" that one.
        query = action is null ? query : action.EndsWith('.') ? query.Where(e => e.Action.StartsWith(action)) : query.Where(e => e.Action == action);
        // In UTC, as entries are stored: SQLite compares the stored form, in which the offset counts.
        var since = from?.ToUniversalTime();
        var until = to?.ToUniversalTime();
        query = since is null ? query : query.Where(e => e.At >= since);
        query = until is null ? query : query.Where(e => e.At < until);
        query = oldestFirst ? query.OrderBy(e => e.Sequence) : query.OrderByDescending(e => e.Sequence);
        var entries = await query.Take(take + 1).ToListAsync(ct);
        var page = entries.Take(take).Select(AuditEntryView.From).ToList();
        long? next = entries.Count > take ? page[^1].Sequence : null;
        return TypedResults.Ok(new AuditPage(page, next, oldestFirst ? "oldest" : "newest"));
    }

    private static bool Add(List<(string, string)> problems, string where, string message)
    {
        problems.Add((where, message));
        return false;
    }
}

/// <summary>
/// A page of entries; <see cref="Next"/> is the sequence to pass as <c>before</c> (newest first)
/// or <c>after</c> (oldest first) for the next page, null on the last.
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, long? Next, string Order);

public sealed record AuditEntryView(
    long Sequence, DateTimeOffset At, string ActorId, string ActorName, IReadOnlyList<string> Roles, string Action,
    string ResourceType, string ResourceId, string? IpAddress, string? UserAgent, System.Text.Json.JsonElement Details,
    string PreviousHash, string Hash)
{
    public static AuditEntryView From(AuditEntry e) => new(
        e.Sequence, e.At, e.ActorId, e.ActorName, e.Roles.Length == 0 ? [] : e.Roles.Split(','), e.Action,
        e.ResourceType, e.ResourceId, e.IpAddress, e.UserAgent, ParseDetails(e.Details), e.PreviousHash, e.Hash);

    // Shown as JSON; a row edited into something that is not JSON still shows, as a string.
    private static System.Text.Json.JsonElement ParseDetails(string details)
    {
        try
        {
            return System.Text.Json.JsonDocument.Parse(details).RootElement.Clone();
        }
        catch (System.Text.Json.JsonException)
        {
            return System.Text.Json.JsonSerializer.SerializeToElement(details);
        }
    }
}
