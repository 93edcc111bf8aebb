using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using SQLite;

namespace Approval.Engine.Deadlines;

/// <summary>
/// Hangfire.Storage.SQLite (0.4.3) as the timers use it, with what it gets wrong under load set right:
/// <list type="bullet">
/// <item>Connections are opened in SQLite's serialized threading mode. The package opens them with
/// SQLITE_OPEN_NOMUTEX, yet a held distributed lock refreshes its expiry from a timer thread on the
/// connection of the lock's owner while the owner goes on using it: two threads in one connection
/// without SQLite's mutex corrupt the file ("file is not a database", "database disk image is
/// malformed") and crash the process.</item>
/// <item>The journal is WAL, as the package sets it, with synchronous=NORMAL: a commit no longer waits
/// for an fsync while it holds SQLite's single write lock (the checkpoint does). The file stays
/// consistent after any crash; a power failure can lose the last commits, that is timers scheduled or
/// run in the last moment, and the supervision sweep records the warnings such timers would have.</item>
/// <item>The Set table gets composite indexes on (Key, Value) and (Key, Score): the package indexes it
/// one column at a time, so adding a job to the schedule and removing it read every scheduled job.</item>
/// <item>The next due jobs are read with one indexed query, up to a batch (Hangfire's
/// <c>BatchedGetFirstByLowestScoreFromSet</c>). The package reads every due job into memory to take the
/// first, once per job it moves to the queue, which is quadratic when many timers come due at once
/// (every red card of a day is due at the same midnight).</item>
/// <item>A job parameter is set through the job's index (the package reads every job's parameters to
/// find it, which a retried job does).</item>
/// </list>
/// The busy timeout (10 s) and dates as ticks are as the package has them.
/// </summary>
internal sealed class SqliteTimerStorage : SQLiteStorage
{
    private readonly SQLiteStorageOptions _options;

    private SqliteTimerStorage(string path, SQLiteStorageOptions options)
        : base(new SQLiteDbConnectionFactory(() => Open(path)), options)
    {
        _options = options;
    }

    public static SqliteTimerStorage Create(string path, SQLiteStorageOptions options)
    {
        var storage = new SqliteTimerStorage(path, options);
        using var context = storage.CreateAndOpenConnection();
        context.Database.Execute("CREATE INDEX IF NOT EXISTS \"IX_Set_Key_Value\" ON \"Set\" (\"Key\", \"Value\")");
        context.Database.Execute("CREATE INDEX IF NOT EXISTS \"IX_Set_Key_Score\" ON \"Set\" (\"Key\", \"Score\")");
        return storage;
    }

    public override IStorageConnection GetConnection() => new Connection(CreateAndOpenConnection(), _options, QueueProviders);

    public override bool HasFeature(string featureId) =>
        featureId == JobStorageFeatures.Connection.BatchedGetFirstByLowest || base.HasFeature(featureId);

    private static SQLiteConnection Open(string path)
    {
        var connection = new SQLiteConnection(path, SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.FullMutex, storeDateTimeAsTicks: true)
        {
            BusyTimeout = TimeSpan.FromSeconds(10),
        };
        connection.Execute("PRAGMA synchronous = NORMAL");
        return connection;
    }

    private sealed class Connection(HangfireDbContext context, SQLiteStorageOptions options, PersistentJobQueueProviderCollection queues)
        : HangfireSQLiteConnection(context, options, queues)
    {
        // The package's Score is a decimal column holding whole seconds, compared as numbers.
        private const string LowestScores =
            "SELECT \"Value\" FROM \"Set\" WHERE \"Key\" = ? AND \"Score\" >= ? AND \"Score\" <= ? ORDER BY \"Score\" LIMIT ?";

        public override string? GetFirstByLowestScoreFromSet(string key, double fromScore, double toScore) =>
            GetFirstByLowestScoreFromSet(key, fromScore, toScore, 1).FirstOrDefault();

        public override List<string> GetFirstByLowestScoreFromSet(string key, double fromScore, double toScore, int count)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
            if (toScore < fromScore)
            {
                throw new ArgumentException("The 'toScore' value must be higher or equal to the 'fromScore' value.", nameof(toScore));
            }

            // As the package does: the bounds are rounded to whole seconds.
            return DbContext.Database.QueryScalars<string>(LowestScores, key, Convert.ToInt64(fromScore), Convert.ToInt64(toScore), count);
        }

        // The package looks for the parameter among every job's parameters in memory. Hangfire sets one
        // through the connection when a job is retried (RetryCount), so each retry read the whole table.
        public override void SetJobParameter(string id, string name, string value)
        {
            ArgumentNullException.ThrowIfNull(id);
            ArgumentNullException.ThrowIfNull(name);
            var jobId = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
            if (DbContext.Database.Execute("UPDATE \"JobParameter\" SET \"Value\" = ? WHERE \"JobId\" = ? AND \"Name\" = ?", value, jobId, name) == 0)
            {
                DbContext.Database.Insert(new Hangfire.Storage.SQLite.Entities.JobParameter { JobId = jobId, Name = name, Value = value });
            }
        }
    }
}
