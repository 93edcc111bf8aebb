using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;

namespace Approval.Engine.Audit;

/// <summary>
/// Records audit entries on the platform database's unit of work: <see cref="Record"/> adds an entry
/// the caller's next SaveChanges stores with the change it describes, in the same transaction (the
/// context gives it its sequence and hash then). The actor is the signed-in user of the current
/// request, or "system" when there is none (timers, the sweep).
/// </summary>
internal sealed class AuditLog(ApprovalDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public const int UserAgentLength = 256;
    public const string SystemActor = "system";

    private static long _order;

    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>
    /// Adds an entry for the caller's next SaveChanges; <paramref name="actor"/> overrides the
    /// request's user, and <paramref name="bySystem"/> records the platform itself as the actor.
    /// </summary>
    public AuditEntry Record(string action, string resourceType, string resourceId, object? details = null, Actor? actor = null, bool bySystem = false)
    {
        var context = bySystem ? null : http.HttpContext;
        actor ??= context?.User.Identity?.IsAuthenticated == true ? Actor.From(context.User) : null;
        var now = clock.GetUtcNow();
        var userAgent = context?.Request.Headers.UserAgent.ToString();
        var entry = new AuditEntry
        {
            // Whole milliseconds: the time must read back exactly as it was hashed on every provider.
            At = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero),
            ActorId = actor?.UserId ?? SystemActor,
            ActorName = actor?.UserName ?? SystemActor,
            Roles = actor is null ? "" : string.Join(',', actor.Roles.Order(StringComparer.Ordinal)),
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = string.IsNullOrEmpty(userAgent) ? null : userAgent[..Math.Min(userAgent.Length, UserAgentLength)],
            Details = details is null ? "{}" : JsonSerializer.Serialize(details, details.GetType(), DetailsJson),
            RecordedOrder = Interlocked.Increment(ref _order),
        };
        db.Add(entry);
        return entry;
    }

    /// <summary>Records and saves an event that changes nothing else (a login, a failed login).</summary>
    public async Task WriteAsync(string action, string resourceType, string resourceId, object? details, Actor? actor, CancellationToken ct)
    {
        Record(action, resourceType, resourceId, details, actor);
        await db.SaveChangesAsync(ct);
    }
}
