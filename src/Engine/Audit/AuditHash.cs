using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Approval.Engine.Audit;

/// <summary>
/// The canonical form an entry's SHA-256 is taken over, simple enough to check by hand: the twelve
/// fields below in this order, each written as its UTF-8 byte length in decimal, a colon, the
/// bytes, and a line feed (a null field is written as empty). The hash is lower-case hex.
/// </summary>
internal static class AuditHash
{
    /// <summary>The first entry's previous hash.</summary>
    public static readonly string Genesis = new('0', 64);

    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string[] Fields(AuditEntry e) =>
    [
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.At.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
        e.ActorId,
        e.ActorName,
        e.Roles,
        e.Action,
        e.ResourceType,
        e.ResourceId,
        e.IpAddress ?? "",
        e.UserAgent ?? "",
        e.Details,
        e.PreviousHash,
    ];

    public static string Compute(AuditEntry entry)
    {
        var canonical = new StringBuilder();
        foreach (var field in Fields(entry))
        {
            canonical.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture))
                .Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
