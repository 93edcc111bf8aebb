using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Engine.Storage;

// `dotnet ef migrations add X --context SqliteApprovalDbContext --output-dir Storage/Migrations/Sqlite`
// (and the same for SqlServer) generate each provider's migrations without a server.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteApprovalDbContext>
{
    public SqliteApprovalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteApprovalDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerApprovalDbContext>
{
    public SqlServerApprovalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerApprovalDbContext>().UseSqlServer("Server=.;Database=Approval;Trusted_Connection=True").Options);
}
