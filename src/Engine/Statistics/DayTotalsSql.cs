namespace Approval.Engine.Statistics;

/// <summary>
/// The SQL that keeps <see cref="DayTotal"/>. Triggers on Cases write every counted case row as it
/// was (sign −1) and as it is (sign +1) to <see cref="DayTotalChange"/>s in the same transaction as
/// the change: two short inserts, cheap for SQLite to compile into each statement that saves a case.
/// The fold then adds what those rows contribute to the totals and deletes them, in one transaction,
/// set-based. A case counts once it is accepted and is for a catalogue item (so never a trial case,
/// 试运行, which is started from a bare flow and has no item). It contributes on four days:
/// <list type="bullet">
/// <item>its acceptance day: accepted, instant accepted, completed the same day, completed in the same month;</item>
/// <item>its completion day: completed, instant completed, on time (on or before the promised deadline),
/// early (promised cases, before it), after the statutory deadline, and for promised cases the working
/// days taken and the two speed-up ratios;</item>
/// <item>its promised deadline day: due, and met (completed on or before it);</item>
/// <item>its statutory deadline day: due, and met.</item>
/// </list>
/// Migration StatisticsChangeQueue put these triggers in place of the first ones
/// (<see cref="DayTotalsSqlV1"/>, which upserted the totals themselves). A later change to what a case
/// contributes needs a migration that rebuilds the totals; and a SQLite migration that rebuilds the
/// Cases table drops its triggers, so it must create them again (a test checks that they are there
/// after every migration).
/// </summary>
public static class DayTotalsSql
{
    public static readonly string[] TriggerNames =
        ["TR_Cases_DayTotals_Insert", "TR_Cases_DayTotals_Update", "TR_Cases_DayTotals_Delete", "TR_Cases_DayTotals"];

    private static readonly string[] Keys = ["Day", "Department", "ItemCode", "Window"];

    private static readonly string[] Measures =
    [
        "Accepted", "AcceptedInstant", "CompletedSameDay", "CompletedSameMonth",
        "Completed", "CompletedInstant", "CompletedOnTime", "CompletedEarly", "CompletedStatutoryLate",
        "PromisedWorkingDays", "PromisedSpeedUpSum", "ProcessingSpeedUpSum",
        "PromisedDue", "PromisedDueMet", "StatutoryDue", "StatutoryDueMet",
    ];

    /// <summary>The Cases columns a contribution reads, copied to each change: a change to any other leaves the totals alone.</summary>
    public static readonly string[] CaseColumns =
    [
        "ItemCode", "Department", "AcceptedOn", "AcceptedWindow", "Kind", "CompletedOn", "WorkingDaysTaken",
        "PromisedDeadline", "StatutoryDeadline", "PromisedLimit", "StatutoryLimit",
    ];

    /// <summary>SQLite: one trigger per kind of change, writing the old and the new row to the changes.</summary>
    public static IReadOnlyList<string> CreateSqliteTriggersV2() =>
    [
        $"""
        CREATE TRIGGER "TR_Cases_DayTotals_Insert" AFTER INSERT ON "Cases"
        BEGIN
            {Record(Sqlite, "NEW", "", 1)};
        END;
        """,
        $"""
        CREATE TRIGGER "TR_Cases_DayTotals_Update" AFTER UPDATE OF {string.Join(", ", CaseColumns.Select(Sqlite.Quote))} ON "Cases"
        BEGIN
            {Record(Sqlite, "OLD", "", -1)};
            {Record(Sqlite, "NEW", "", 1)};
        END;
        """,
        $"""
        CREATE TRIGGER "TR_Cases_DayTotals_Delete" AFTER DELETE ON "Cases"
        BEGIN
            {Record(Sqlite, "OLD", "", -1)};
        END;
        """,
    ];

    public static IReadOnlyList<string> DropSqliteTriggers() =>
        [.. TriggerNames.Take(3).Select(name => $"DROP TRIGGER IF EXISTS \"{name}\";")];

    /// <summary>SQL Server: one trigger for every change, writing the deleted and the inserted rows to the changes.</summary>
    public static string CreateSqlServerTriggerV2()
    {
        var updated = string.Join(" OR ", CaseColumns.Select(c => $"UPDATE({SqlServer.Quote(c)})"));
        return $"""
            CREATE TRIGGER [TR_Cases_DayTotals] ON [Cases] AFTER INSERT, UPDATE, DELETE AS
            BEGIN
                SET NOCOUNT ON;
                IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted) AND NOT ({updated}) RETURN;
                {Record(SqlServer, "r", "FROM deleted AS r", -1)};
                {Record(SqlServer, "r", "FROM inserted AS r", 1)};
            END
            """;
    }

    public static string DropSqlServerTrigger() => "DROP TRIGGER IF EXISTS [TR_Cases_DayTotals];";

    /// <summary>
    /// A statement as a batch of its own, compiled when it runs: CREATE TRIGGER must begin a batch, and
    /// a statement over columns added earlier in the same migration script must not be compiled before them.
    /// </summary>
    public static string AsSqlServerBatch(string sql) => $"EXEC(N'{sql.Replace("'", "''", StringComparison.Ordinal)}');";

    /// <summary>Adds what the changes up to id {0} contribute to the totals and deletes them (run in a transaction).</summary>
    public static string Fold(bool sqlServer)
    {
        var d = sqlServer ? SqlServer : Sqlite;
        var q = d.Quote;
        var grouped = Grouped(d, Contributions(d, "r", $"FROM {q("DayTotalChanges")} AS r", $"r.{q("Sign")}", $" AND r.{q("Id")} <= {{0}}"));
        var upsert = sqlServer
            ? $"""
                MERGE [DayTotals] WITH (HOLDLOCK) AS t
                USING ({grouped}) AS s
                ON {string.Join(" AND ", Keys.Select(k => $"t.{q(k)} = s.{q(k)}"))}
                WHEN MATCHED THEN UPDATE SET {string.Join(", ", Measures.Select(m => $"t.{q(m)} = t.{q(m)} + s.{q(m)}"))}
                WHEN NOT MATCHED THEN INSERT ({string.Join(", ", Keys.Concat(Measures).Select(q))})
                    VALUES ({string.Join(", ", Keys.Concat(Measures).Select(c => $"s.{q(c)}"))});
                """
            : $"""
                INSERT INTO "DayTotals" ({string.Join(", ", Keys.Concat(Measures).Select(q))})
                {grouped}
                ON CONFLICT ({string.Join(", ", Keys.Select(q))}) DO UPDATE SET
                    {string.Join(", ", Measures.Select(m => $"{q(m)} = {q(m)} + excluded.{q(m)}"))};
                """;
        return $"{upsert}\nDELETE FROM {q("DayTotalChanges")} WHERE {q("Id")} <= {{0}};";
    }

    /// <summary>Replaces the totals with the ones counted afresh from the cases, and forgets the changes (a migration's backfill, a check).</summary>
    public static string Rebuild(bool sqlServer)
    {
        var dialect = sqlServer ? SqlServer : Sqlite;
        var q = dialect.Quote;
        return $"""
            DELETE FROM {q("DayTotalChanges")};
            DELETE FROM {q("DayTotals")};
            INSERT INTO {q("DayTotals")} ({string.Join(", ", Keys.Concat(Measures).Select(q))})
            {Grouped(dialect, Contributions(dialect, "r", $"FROM {q("Cases")} AS r", "1", ""))};
            """;
    }

    // A counted case row copied to the changes with its sign.
    private static string Record(Dialect d, string r, string from, int sign)
    {
        var q = d.Quote;
        return $"INSERT INTO {q("DayTotalChanges")} ({q("Sign")}, {string.Join(", ", CaseColumns.Select(q))}) "
            + $"SELECT {sign}, {string.Join(", ", CaseColumns.Select(c => $"{r}.{q(c)}"))} {from} "
            + $"WHERE {r}.{q("ItemCode")} IS NOT NULL AND {r}.{q("Department")} IS NOT NULL AND {r}.{q("AcceptedOn")} IS NOT NULL";
    }

    // The WHERE keeps SQLite from reading an upsert's ON CONFLICT as a join constraint.
    private static string Grouped(Dialect d, string contributions) => $"""
        SELECT {string.Join(", ", Keys.Select(d.Quote))}, {string.Join(", ", Measures.Select(m => $"SUM({d.Quote(m)}) AS {d.Quote(m)}"))}
            FROM (
            {contributions}
            ) AS c
            WHERE 1 = 1
            GROUP BY {string.Join(", ", Keys.Select(d.Quote))}
        """;

    /// <summary>Each row's four contributions, each multiplied by <paramref name="sign"/>.</summary>
    private static string Contributions(Dialect d, string r, string from, string sign, string filter)
    {
        string C(string column) => $"{r}.{d.Quote(column)}";
        string If(string condition, string then = "1") => $"CASE WHEN {condition} THEN {then} ELSE 0 END";
        var counted = $"{C("ItemCode")} IS NOT NULL AND {C("Department")} IS NOT NULL AND {C("AcceptedOn")} IS NOT NULL{filter}";
        var instant = $"{C("Kind")} = 'Instant'";
        var promised = $"{C("Kind")} <> 'Instant'";
        var keys = $"{C("Department")} AS {d.Quote("Department")}, {C("ItemCode")} AS {d.Quote("ItemCode")}, "
            + $"COALESCE({C("AcceptedWindow")}, '') AS {d.Quote("Window")}";
        var ratio = (string minus) => If(
            $"{promised} AND {C("StatutoryLimit")} > 0",
            $"CAST({C("StatutoryLimit")} - {minus} AS FLOAT) / {C("StatutoryLimit")}");

        string Row(string day, string condition, IReadOnlyDictionary<string, string> values) =>
            $"SELECT {day} AS {d.Quote("Day")}, {keys}, "
            + string.Join(", ", Measures.Select(m => $"{(values.TryGetValue(m, out var v) ? $"{sign} * ({v})" : "0")} AS {d.Quote(m)}"))
            + $" {from} WHERE {counted}{condition}";

        return string.Join("\n    UNION ALL\n", new[]
        {
            Row(C("AcceptedOn"), "", new Dictionary<string, string>
            {
                ["Accepted"] = "1",
                ["AcceptedInstant"] = If(instant),
                ["CompletedSameDay"] = If($"{C("CompletedOn")} = {C("AcceptedOn")}"),
                ["CompletedSameMonth"] = If(d.SameMonth(C("CompletedOn"), C("AcceptedOn"))),
            }),
            Row(C("CompletedOn"), $" AND {C("CompletedOn")} IS NOT NULL", new Dictionary<string, string>
            {
                ["Completed"] = "1",
                ["CompletedInstant"] = If(instant),
                ["CompletedOnTime"] = If($"{C("CompletedOn")} <= {C("PromisedDeadline")}"),
                ["CompletedEarly"] = If($"{promised} AND {C("CompletedOn")} < {C("PromisedDeadline")}"),
                ["CompletedStatutoryLate"] = If($"{C("CompletedOn")} > {C("StatutoryDeadline")}"),
                ["PromisedWorkingDays"] = If(promised, $"COALESCE({C("WorkingDaysTaken")}, 0)"),
                ["PromisedSpeedUpSum"] = ratio(C("PromisedLimit")),
                ["ProcessingSpeedUpSum"] = ratio($"COALESCE({C("WorkingDaysTaken")}, 0)"),
            }),
            Row(C("PromisedDeadline"), $" AND {C("PromisedDeadline")} IS NOT NULL", new Dictionary<string, string>
            {
                ["PromisedDue"] = "1",
                ["PromisedDueMet"] = If($"{C("CompletedOn")} <= {C("PromisedDeadline")}"),
            }),
            Row(C("StatutoryDeadline"), $" AND {C("StatutoryDeadline")} IS NOT NULL", new Dictionary<string, string>
            {
                ["StatutoryDue"] = "1",
                ["StatutoryDueMet"] = If($"{C("CompletedOn")} <= {C("StatutoryDeadline")}"),
            }),
        }.Select(row => "    " + row));
    }

    private sealed record Dialect(Func<string, string> Quote, Func<string, string, string> SameMonth);

    private static readonly Dialect Sqlite = new(
        name => $"\"{name}\"",
        (a, b) => $"substr({a}, 1, 7) = substr({b}, 1, 7)");

    private static readonly Dialect SqlServer = new(
        name => $"[{name}]",
        (a, b) => $"DATEDIFF(month, {b}, {a}) = 0");
}
