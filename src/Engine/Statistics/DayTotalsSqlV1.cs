namespace Approval.Engine.Statistics;

/// <summary>
/// The first statistics migration's SQL, kept as it ran: triggers on Cases that upserted the
/// <see cref="DayTotal"/>s themselves, and the backfill. Migration StatisticsChangeQueue replaced the
/// triggers with <see cref="DayTotalsSql"/>'s; the Statistics migration still creates these, and its
/// Down drops them. Do not change: a migration must do what it did.
/// </summary>
public static class DayTotalsSqlV1
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

    // The Cases columns a contribution reads: a change to any other leaves the totals alone.
    private static readonly string[] CaseColumns =
    [
        "ItemCode", "Department", "AcceptedOn", "AcceptedWindow", "Kind", "CompletedOn", "WorkingDaysTaken",
        "PromisedDeadline", "StatutoryDeadline", "PromisedLimit", "StatutoryLimit",
    ];

    /// <summary>SQLite: one trigger per kind of change, each upserting the grouped difference.</summary>
    public static IReadOnlyList<string> CreateSqliteTriggersV1() =>
    [
        $"""
        CREATE TRIGGER "TR_Cases_DayTotals_Insert" AFTER INSERT ON "Cases"
        BEGIN
        {SqliteUpsert(Contributions(Sqlite, "NEW", "", 1))}
        END;
        """,
        $"""
        CREATE TRIGGER "TR_Cases_DayTotals_Update" AFTER UPDATE OF {string.Join(", ", CaseColumns.Select(Sqlite.Quote))} ON "Cases"
        BEGIN
        {SqliteUpsert(Contributions(Sqlite, "OLD", "", -1) + "\n    UNION ALL\n" + Contributions(Sqlite, "NEW", "", 1))}
        END;
        """,
        $"""
        CREATE TRIGGER "TR_Cases_DayTotals_Delete" AFTER DELETE ON "Cases"
        BEGIN
        {SqliteUpsert(Contributions(Sqlite, "OLD", "", -1))}
        END;
        """,
    ];

    public static IReadOnlyList<string> DropSqliteTriggersV1() =>
        [.. TriggerNames.Take(3).Select(name => $"DROP TRIGGER IF EXISTS \"{name}\";")];

    /// <summary>SQL Server: one trigger for every change, merging the grouped difference of deleted and inserted rows.</summary>
    public static string CreateSqlServerTriggerV1()
    {
        var q = SqlServer.Quote;
        var updated = string.Join(" OR ", CaseColumns.Select(c => $"UPDATE({q(c)})"));
        return $"""
            CREATE TRIGGER [TR_Cases_DayTotals] ON [Cases] AFTER INSERT, UPDATE, DELETE AS
            BEGIN
                SET NOCOUNT ON;
                IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted) AND NOT ({updated}) RETURN;
                MERGE [DayTotals] WITH (HOLDLOCK) AS t
                USING (
                    {Grouped(SqlServer, Contributions(SqlServer, "r", "FROM deleted AS r", -1) + "\n    UNION ALL\n" + Contributions(SqlServer, "r", "FROM inserted AS r", 1))}
                ) AS s
                ON {string.Join(" AND ", Keys.Select(k => $"t.{q(k)} = s.{q(k)}"))}
                WHEN MATCHED THEN UPDATE SET {string.Join(", ", Measures.Select(m => $"t.{q(m)} = t.{q(m)} + s.{q(m)}"))}
                WHEN NOT MATCHED THEN INSERT ({string.Join(", ", Keys.Concat(Measures).Select(q))})
                    VALUES ({string.Join(", ", Keys.Concat(Measures).Select(c => $"s.{q(c)}"))});
            END
            """;
    }

    public static string DropSqlServerTriggerV1() => "DROP TRIGGER IF EXISTS [TR_Cases_DayTotals];";

    /// <summary>
    /// A statement as a batch of its own, compiled when it runs: CREATE TRIGGER must begin a batch, and
    /// a statement over columns added earlier in the same migration script must not be compiled before them.
    /// </summary>
    public static string AsSqlServerBatch(string sql) => $"EXEC(N'{sql.Replace("'", "''", StringComparison.Ordinal)}');";

    /// <summary>Replaces the totals with the ones counted afresh from the cases (a migration's backfill, a check).</summary>
    public static string Rebuild(bool sqlServer)
    {
        var dialect = sqlServer ? SqlServer : Sqlite;
        var q = dialect.Quote;
        return $"""
            DELETE FROM {q("DayTotals")};
            INSERT INTO {q("DayTotals")} ({string.Join(", ", Keys.Concat(Measures).Select(q))})
            {Grouped(dialect, Contributions(dialect, "r", $"FROM {q("Cases")} AS r", 1))};
            """;
    }

    private static string SqliteUpsert(string contributions)
    {
        var q = Sqlite.Quote;
        return $"""
                INSERT INTO "DayTotals" ({string.Join(", ", Keys.Concat(Measures).Select(q))})
                {Grouped(Sqlite, contributions)}
                ON CONFLICT ({string.Join(", ", Keys.Select(q))}) DO UPDATE SET
                    {string.Join(", ", Measures.Select(m => $"{q(m)} = {q(m)} + excluded.{q(m)}"))};
            """;
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

    /// <summary>A case row's four contributions, each multiplied by <paramref name="sign"/>.</summary>
    private static string Contributions(Dialect d, string r, string from, int sign)
    {
        string C(string column) => $"{r}.{d.Quote(column)}";
        string If(string condition, string then = "1") => $"CASE WHEN {condition} THEN {then} ELSE 0 END";
        var counted = $"{C("ItemCode")} IS NOT NULL AND {C("Department")} IS NOT NULL AND {C("AcceptedOn")} IS NOT NULL";
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
