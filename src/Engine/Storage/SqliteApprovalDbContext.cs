using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Approval.Engine.Storage;

/// <summary>The embedded default: one SQLite file.</summary>
public sealed class SqliteApprovalDbContext(DbContextOptions<SqliteApprovalDbContext> options) : ApprovalDbContext(options)
{
    // SQLite takes one writer at a time. This process's writers queue here, asynchronously,
    // instead of colliding inside SQLite, where the loser sleeps. Other processes on the same file
    // still meet at SQLite's own lock (busy_timeout). A save inside an explicit transaction is not
    // gated: it may already hold SQLite's lock, and waiting here while holding it would stall everyone.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new(StringComparer.Ordinal);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var gate = WriteGate();
        gate?.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            gate?.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var gate = WriteGate();
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate?.Release();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no date type; as UTC ticks, times sort and compare in SQL.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    private SemaphoreSlim? WriteGate() =>
        Database.CurrentTransaction is not null
            ? null
            : WriteGates.GetOrAdd(Database.GetDbConnection().DataSource, _ => new SemaphoreSlim(1, 1));
}
