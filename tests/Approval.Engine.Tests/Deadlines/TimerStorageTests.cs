using Approval.Engine.Deadlines;
using Approval.Engine.Supervision;
using Hangfire.Storage.SQLite;

namespace Approval.Engine.Tests.Deadlines;

/// <summary>
/// The SQLite storage of the timers, as the Engine builds it. Hangfire.Storage.SQLite refreshes a held
/// distributed lock from a timer thread on the connection of the lock's owner, while the owner goes on
/// using that connection; opened without SQLite's mutex (the package's own default), that corrupts the
/// file or crashes the process.
/// </summary>
public sealed class TimerStorageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("approval-timer-storage-").FullName;

    private string DatabasePath => Path.Combine(_folder, "approval-timers.db");

    [Fact]
    public async Task ALocksHeartbeat_OnItsOwnersBusyConnection_LeavesTheFileIntact()
    {
        // A 50 ms lock lifetime makes the heartbeat run every 10 ms, while each owner keeps working.
        var storage = SqliteTimerStorage.Create(DatabasePath, new SQLiteStorageOptions { DistributedLockLifetime = TimeSpan.FromMilliseconds(50) });
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var owners = Enumerable.Range(0, 4).Select(owner => Task.Factory.StartNew(
            () =>
            {
                for (var round = 0; round < 10; round++)
                {
                    try
                    {
                        using var connection = storage.GetConnection();
                        using var held = connection.AcquireDistributedLock($"resource-{owner}", TimeSpan.FromSeconds(30));
                        for (var i = 0; i < 100; i++)
                        {
                            connection.SetRangeInHash($"hash-{owner}", [new($"field-{i}", new string('x', 200))]);
                            Assert.Equal(Math.Max(i + 1, round == 0 ? 0 : 100), connection.GetAllEntriesFromHash($"hash-{owner}")!.Count);
                        }
                    }
                    catch (Exception e)
                    {
                        errors.Enqueue(e);
                    }
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(owners);
        storage.Dispose();

        Assert.Empty(errors);
        using var check = new SQLite.SQLiteConnection(DatabasePath);
        Assert.Equal(["ok"], check.QueryScalars<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public void Connections_UseWalWithNormalSync_AndTheScheduleIsIndexed()
    {
        var storage = SqliteTimerStorage.Create(DatabasePath, new SQLiteStorageOptions());
        try
        {
            using var context = storage.CreateAndOpenConnection();
            var db = context.Database;
            Assert.Equal("wal", db.ExecuteScalar<string>("PRAGMA journal_mode"));
            Assert.Equal(1, db.ExecuteScalar<int>("PRAGMA synchronous")); // NORMAL

            // The next due jobs, and one job in the schedule (adding or removing it): each an index lookup.
            var next = Plan(db, "SELECT \"Value\" FROM \"Set\" WHERE \"Key\" = ? AND \"Score\" >= ? AND \"Score\" <= ? ORDER BY \"Score\" LIMIT ?", "schedule", 0L, 1_800_000_000L, 1000);
            Assert.Contains("IX_Set_Key_Score", next);
            Assert.DoesNotContain("TEMP B-TREE", next);
            Assert.Contains("IX_Set_Key_Value", Plan(db, "SELECT * FROM \"Set\" WHERE \"Key\" = ? AND \"Value\" = ? LIMIT 1", "schedule", "1"));
            Assert.Contains("IX_Set_Key_Value", Plan(db, "DELETE FROM \"Set\" WHERE \"Key\" = ? AND \"Value\" = ?", "schedule", "1"));
        }
        finally
        {
            storage.Dispose();
        }
    }

    [Fact]
    public void TheNextDueJobs_AreReadLowestScoreFirst_WithinTheRange_UpToTheBatch()
    {
        var storage = SqliteTimerStorage.Create(DatabasePath, new SQLiteStorageOptions());
        try
        {
            Assert.True(storage.HasFeature(Hangfire.Storage.JobStorageFeatures.Connection.BatchedGetFirstByLowest));
            using var connection = (Hangfire.Storage.JobStorageConnection)storage.GetConnection();
            using (var transaction = connection.CreateWriteTransaction())
            {
                transaction.AddToSet("schedule", "30", 1_700_000_030);
                transaction.AddToSet("schedule", "10", 1_700_000_010);
                transaction.AddToSet("schedule", "20", 1_700_000_020);
                transaction.AddToSet("schedule", "40", 1_700_000_040);
                transaction.AddToSet("other", "5", 1_700_000_005);
                transaction.Commit();
            }

            Assert.Equal("10", connection.GetFirstByLowestScoreFromSet("schedule", 0, 1_700_000_030));
            Assert.Equal(["10", "20", "30"], connection.GetFirstByLowestScoreFromSet("schedule", 0, 1_700_000_030, 1000));
            Assert.Equal(["10", "20"], connection.GetFirstByLowestScoreFromSet("schedule", 0, 1_700_000_040, 2));
            Assert.Equal(["20", "30"], connection.GetFirstByLowestScoreFromSet("schedule", 1_700_000_020, 1_700_000_030, 10));
            Assert.Null(connection.GetFirstByLowestScoreFromSet("schedule", 0, 1_700_000_009));
            Assert.Empty(connection.GetFirstByLowestScoreFromSet("schedule", 0, 1_700_000_009, 10));
            Assert.Throws<ArgumentNullException>(() => connection.GetFirstByLowestScoreFromSet(null!, 0, 1, 1));

            // Moved to the queue: no longer in the schedule.
            using (var transaction = connection.CreateWriteTransaction())
            {
                transaction.RemoveFromSet("schedule", "10");
                transaction.Commit();
            }

            Assert.Equal("20", connection.GetFirstByLowestScoreFromSet("schedule", 0, 1_700_000_040));
        }
        finally
        {
            storage.Dispose();
        }
    }

    [Fact]
    public void AJobParameter_IsAddedThenReplaced_ForItsJobOnly()
    {
        var storage = SqliteTimerStorage.Create(DatabasePath, new SQLiteStorageOptions());
        try
        {
            using var connection = storage.GetConnection();
            var job = Hangfire.Common.Job.FromExpression(() => Console.WriteLine("timer"));
            var first = connection.CreateExpiredJob(job, new Dictionary<string, string?> { ["CurrentCulture"] = "\"zh-CN\"" }, new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(1));
            var second = connection.CreateExpiredJob(job, new Dictionary<string, string?> { ["CurrentCulture"] = "\"zh-CN\"" }, new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(1));

            connection.SetJobParameter(first, "RetryCount", "1");
            connection.SetJobParameter(first, "RetryCount", "2");
            connection.SetJobParameter(second, "RetryCount", "1");

            Assert.Equal("2", connection.GetJobParameter(first, "RetryCount"));
            Assert.Equal("1", connection.GetJobParameter(second, "RetryCount"));
            Assert.Equal("\"zh-CN\"", connection.GetJobParameter(first, "CurrentCulture"));
            using var context = storage.CreateAndOpenConnection();
            Assert.Equal(1, context.Database.ExecuteScalar<int>("SELECT COUNT(*) FROM \"JobParameter\" WHERE \"JobId\" = ? AND \"Name\" = 'RetryCount'", int.Parse(first, System.Globalization.CultureInfo.InvariantCulture)));
        }
        finally
        {
            storage.Dispose();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A connection may still be closing; the temp folder is cleaned eventually.
        }
    }

    private static string Plan(SQLite.SQLiteConnection db, string sql, params object[] args) =>
        string.Join(" | ", db.Query<PlanRow>("EXPLAIN QUERY PLAN " + sql, args).Select(r => r.Detail));

    private sealed class PlanRow
    {
        [SQLite.Column("detail")]
        public string Detail { get; set; } = "";
    }
}
