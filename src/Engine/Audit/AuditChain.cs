using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Audit;

/// <summary>
/// Appends a unit of work's new audit entries to the chain inside the transaction that saves the
/// change they record. The head (last sequence and hash) is read under a lock that lasts until the
/// commit: on SQLite the transaction is BEGIN IMMEDIATE, which holds the file's write lock from the
/// start (so no other writer can append between the read and the commit, and there is no
/// BUSY_SNAPSHOT); on SQL Server an exclusive application lock owned by the transaction does the
/// same across every node. The unique index on Sequence is the last guard: a writer that somehow
/// read a stale head fails, and is tried again here, rather than forking the chain.
/// </summary>
internal static class AuditChain
{
    private const int MaxAttempts = 3;

    /// <summary>Whether the unit of work holds new entries; <see cref="AuditLog"/> adds them with Add, so no change detection is needed.</summary>
    public static bool HasPending(DbContext db) => Tracked(db).Any(e => e.State == EntityState.Added);

    /// <summary>The tracked audit entries, without another scan for changes (SaveChanges runs one).</summary>
    public static List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AuditEntry>> Tracked(DbContext db)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. db.ChangeTracker.Entries<AuditEntry>()];
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Saves under the lock: <paramref name="prepare"/> runs first, holding it (the unit of work's new
    /// numbers are given there), then the new entries are chained and <paramref name="save"/> writes.
    /// </summary>
    public static async Task<int> SaveAsync(
        ApprovalDbContext db, Func<CancellationToken, Task> prepare, Func<CancellationToken, Task<int>> save, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // The caller's transaction: it commits, and holds the lock until then.
            await LockAsync(db, ct);
            await prepare(ct);
            await SealAsync(db, ct);
            return await save(ct);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await LockAsync(db, ct);
                await prepare(ct);
                var first = await SealAsync(db, ct);
                try
                {
                    var saved = await save(ct);
                    await transaction.CommitAsync(ct);
                    return saved;
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    await transaction.RollbackAsync(ct);
                    var (head, _) = await HeadAsync(db, ct);
                    if (head < first)
                    {
                        throw; // nobody took the sequence: the change itself failed
                    }
                }
            }
        }, ct);
    }

    /// <summary>Gives the pending entries their sequences and hashes after the current head; returns the first sequence.</summary>
    private static async Task<long> SealAsync(ApprovalDbContext db, CancellationToken ct)
    {
        var (sequence, previous) = await HeadAsync(db, ct);
        var first = sequence + 1;
        var pending = Tracked(db)
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .OrderBy(e => e.RecordedOrder)
            .ToList();
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = AuditHash.Compute(entry);
            previous = entry.Hash;
        }

        return first;
    }

    private static async Task<(long Sequence, string Hash)> HeadAsync(ApprovalDbContext db, CancellationToken ct)
    {
        var head = await db.AuditLog.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(ct);
        return head is null ? (0, AuditHash.Genesis) : (head.Sequence, head.Hash);
    }

    private static async Task LockAsync(ApprovalDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                DECLARE @granted int;
                EXEC @granted = sp_getapplock @Resource = N'Approval.AuditLog', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 30000;
                IF @granted < 0 THROW 51000, 'The audit log''s lock was not granted.', 1;
                """, ct);
        }
    }
}
