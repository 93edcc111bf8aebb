using Microsoft.EntityFrameworkCore.Migrations;
using Quartz;

namespace Approval.Engine.Scheduling;

/// <summary>
/// Quartz's tables (QRTZ_*), created by the platform's migrations so that a fresh database is
/// complete before any node starts. The DDL is the script the referenced Quartz package embeds for
/// its own schema provisioning: exactly the tables and columns this Quartz version checks for at
/// start (the store's default schema validation), where the older scripts in Quartz's repository
/// lack the columns 4.x added. Every statement in it creates only what is missing.
/// </summary>
/// <remarks>
/// A Quartz upgrade that changes the schema needs a migration of its own, written to pass over a
/// database that was created by the newer script already.
/// </remarks>
internal static class QuartzSchema
{
    public const string TablePrefix = "QRTZ_";

    /// <summary>Dialects by the name of Quartz's embedded script: <c>sqlite</c> and <c>sqlServer</c>.</summary>
    public const string Sqlite = "sqlite";

    public const string SqlServer = "sqlServer";

    private const string Separator = "--;;";

    // Children before parents, for Down.
    private static readonly string[] Tables =
    [
        "FIRED_TRIGGERS", "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "SCHEDULER_STATE", "LOCKS", "SIMPLE_TRIGGERS",
        "SIMPROP_TRIGGERS", "CRON_TRIGGERS", "BLOB_TRIGGERS", "TRIGGERS", "JOB_DETAILS", "CALENDARS",
        "EXECUTION_HISTORY", "MISFIRE_HISTORY", "JOB_STATUS",
    ];

    public static void Create(MigrationBuilder migrationBuilder, string dialect)
    {
        foreach (var statement in Statements(dialect))
        {
            migrationBuilder.Sql(statement);
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder, string dialect)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql(dialect == SqlServer
                ? $"IF OBJECT_ID(N'{TablePrefix}{table}', N'U') IS NOT NULL DROP TABLE {TablePrefix}{table};"
                : $"DROP TABLE IF EXISTS {TablePrefix}{table};");
        }
    }

    /// <summary>The script's statements with the table prefix in place, comment-only chunks (its header) left out.</summary>
    public static IReadOnlyList<string> Statements(string dialect)
    {
        var resource = $"Quartz.Impl.AdoJobStore.Schema.create_{dialect}.sql";
        using var stream = typeof(IJob).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The Quartz package has no embedded schema script {resource}; see QuartzSchema.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);

        // {0} is the prefix, {1} the prefix without a schema qualifier (for index and constraint names).
        return [.. script.Split($"\n{Separator}\n")
            .Select(chunk => chunk.Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal).Trim())
            .Where(chunk => chunk.Split('\n').Any(line => line.Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal)))];
    }
}
