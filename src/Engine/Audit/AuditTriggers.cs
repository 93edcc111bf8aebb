namespace Approval.Engine.Audit;

/// <summary>
/// Triggers that refuse UPDATE and DELETE on the audit log's table, added by the AuditLog migration.
/// They guard against mistakes (a hand-written statement, a tool); whoever controls the database can
/// drop them, and the hash chain is what proves that nothing was changed.
/// </summary>
internal static class AuditTriggers
{
    private const string Message = "The audit log is append-only: its entries are never changed or removed.";

    public static readonly string[] Sqlite =
    [
        $"CREATE TRIGGER TR_AuditLog_NoUpdate BEFORE UPDATE ON AuditLog BEGIN SELECT RAISE(ABORT, '{Message}'); END;",
        $"CREATE TRIGGER TR_AuditLog_NoDelete BEFORE DELETE ON AuditLog BEGIN SELECT RAISE(ABORT, '{Message}'); END;",
    ];

    // CREATE TRIGGER must open its batch; inside EXEC it does, also in a migration script.
    public static readonly string[] SqlServer =
    [
        $"EXEC(N'CREATE TRIGGER [TR_AuditLog_AppendOnly] ON [AuditLog] AFTER UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 51001, ''{Message}'', 1; END');",
    ];
}
