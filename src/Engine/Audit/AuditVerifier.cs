using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Audit;

/// <summary>
/// Walks the chain from the first entry in batches, so its length does not sit in memory, and
/// stops at the first entry that breaks it.
/// </summary>
internal static class AuditVerifier
{
    private const int BatchSize = 1000;

    public static async Task<AuditVerification> VerifyAsync(ApprovalDbContext db, CancellationToken ct)
    {
        long expected = 1;
        var previous = AuditHash.Genesis;
        while (true)
        {
            var after = expected - 1;
            var batch = await db.AuditLog.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(ct);
            foreach (var entry in batch)
            {
                if (entry.Sequence != expected)
                {
                    return Broken(expected - 1, entry.Sequence, AuditBreak.SequenceGap,
                        $"Entry {expected} is missing: the entry after {expected - 1} is {entry.Sequence}.");
                }

                if (AuditHash.Compute(entry) != entry.Hash)
                {
                    return Broken(expected - 1, entry.Sequence, AuditBreak.ContentAltered,
                        $"Entry {entry.Sequence}'s content does not match its hash: it was changed after it was written.");
                }

                if (entry.PreviousHash != previous)
                {
                    return Broken(expected - 1, entry.Sequence, AuditBreak.LinkBroken,
                        $"Entry {entry.Sequence} does not link to entry {expected - 1}'s hash: an entry before it was changed, replaced or removed.");
                }

                previous = entry.Hash;
                expected++;
            }

            if (batch.Count < BatchSize)
            {
                return new AuditVerification(true, expected - 1, expected == 1 ? null : previous);
            }
        }
    }

    private static AuditVerification Broken(long verified, long sequence, AuditBreak reason, string detail) =>
        new(false, verified, null, sequence, reason, detail);
}

/// <summary>How an entry breaks the chain.</summary>
public enum AuditBreak
{
    /// <summary>The entry's content was changed: its hash no longer matches it.</summary>
    ContentAltered,

    /// <summary>The entry's previous hash is not the entry before it's hash.</summary>
    LinkBroken,

    /// <summary>An entry before this one is missing.</summary>
    SequenceGap,
}

/// <summary>
/// The chain holds (with how many entries and the last hash), or the first entry that breaks it:
/// <see cref="Entries"/> entries before it verified.
/// </summary>
public sealed record AuditVerification(
    bool Holds, long Entries, string? LastHash, long? BrokenAt = null, AuditBreak? Reason = null, string? Detail = null);
