using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Storage;

/// <summary>
/// An entity given the next number of a sequence when it is first saved: a case's 受理编号 (a
/// sequence per county and day), a notice's 文号 (per kind and year). <see cref="SequenceKey"/> names
/// the sequence; <see cref="TakeNumber"/> receives the next value of it.
/// </summary>
internal interface ISequenceNumbered
{
    /// <summary>The sequence to number it in; null when it takes no number (one saved before numbering began).</summary>
    string? SequenceKey { get; }

    void TakeNumber(int next);
}

/// <summary>The last number given in one sequence.</summary>
public sealed class SequenceCounter
{
    public required string Key { get; set; }

    public int Last { get; set; }
}

/// <summary>
/// Numbers the new <see cref="ISequenceNumbered"/> entities of a unit of work inside the transaction that
/// saves them, while it holds the database's write lock (SQLite's BEGIN IMMEDIATE; on SQL Server the
/// audit chain's application lock): two filings at once, on one node or several, never take the same
/// number, and a filing that fails takes none. A unique index on each number is the last guard.
/// </summary>
internal static class SequenceNumbers
{
    public static bool HasPending(DbContext db) => Pending(db).Count > 0;

    public static async Task AssignAsync(DbContext db, CancellationToken ct)
    {
        var pending = Pending(db);
        if (pending.Count == 0)
        {
            return;
        }

        foreach (var group in pending.GroupBy(e => e.SequenceKey!))
        {
            // Read afresh each time: a retried save must not reuse what an earlier attempt counted.
            var tracked = db.ChangeTracker.Entries<SequenceCounter>().FirstOrDefault(e => e.Entity.Key == group.Key);
            if (tracked is not null)
            {
                tracked.State = EntityState.Detached;
            }

            var counter = await db.Set<SequenceCounter>().FirstOrDefaultAsync(c => c.Key == group.Key, ct);
            if (counter is null)
            {
                counter = new SequenceCounter { Key = group.Key };
                db.Add(counter);
            }

            foreach (var entity in group)
            {
                entity.TakeNumber(++counter.Last);
            }
        }
    }

    private static List<ISequenceNumbered> Pending(DbContext db)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. db.ChangeTracker.Entries()
                .Where(e => e.State == EntityState.Added && e.Entity is ISequenceNumbered { SequenceKey: not null })
                .Select(e => (ISequenceNumbered)e.Entity)];
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}

internal sealed class SequenceCounterConfiguration : IEntityTypeConfiguration<SequenceCounter>
{
    public void Configure(EntityTypeBuilder<SequenceCounter> builder)
    {
        builder.ToTable("SequenceCounters");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(100);
    }
}
