using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Storage;

internal static class StorageExtensions
{
    /// <summary>
    /// SQLite by default (file from ConnectionStrings:Approval, under data/ unless told otherwise);
    /// Database:Provider=SqlServer switches to SQL Server.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = builder.Configuration.GetConnectionString("Approval");
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                var sqlite = SqliteConnectionString(connectionString, builder.Environment.ContentRootPath);
                builder.Services.AddDbContextPool<ApprovalDbContext, SqliteApprovalDbContext>(o => o
                    .UseSqlite(sqlite)
                    .AddInterceptors(new SqlitePragmas()));
                break;
            case "sqlserver":
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Approval is not set.");
                }

                builder.Services.AddDbContextPool<ApprovalDbContext, SqlServerApprovalDbContext>(o => o
                    .UseSqlServer(connectionString, s => s.EnableRetryOnFailure()));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or SqlServer.");
        }

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>Applies pending migrations (several nodes may start at once; EF takes a lock).</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Readers never wait for the writer; set once, it stays with the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>The SQLite connection string with its file under the content root; Quartz's store opens the same file.</summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=data/approval.db" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
