using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Engine.Storage;

/// <summary>
/// In WAL mode, synchronous=NORMAL keeps every committed step across a process crash and
/// spares an fsync per transaction; durability across power loss is the last few steps.
/// busy_timeout lets SQLite wait for another writer in short naps instead of the provider's
/// 150 ms sleeps, which otherwise set the latency tail.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
