using System.Text.Json;
using Approval.Engine.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Approval.Engine.Tests.Hardening;

/// <summary>Database errors and cancellations become ProblemDetails that carry no SQL, table names or stack traces.</summary>
public sealed class ErrorProblemsTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();
    private readonly SqliteConnection _sqlite = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        _host.CreateClient();
        await _sqlite.OpenAsync();
        await using var create = _sqlite.CreateCommand();
        create.CommandText = "CREATE TABLE Secrets (Id INTEGER PRIMARY KEY, Name TEXT UNIQUE); INSERT INTO Secrets VALUES (1, 'x');";
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        await _host.DisposeAsync();
    }

    // Real SQLite errors, from a real statement.
    private async Task<SqliteException> FailAsync(string sql)
    {
        await using var command = _sqlite.CreateCommand();
        command.CommandText = sql;
        return await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
    }

    private async Task<(int Status, string Body)> HandleAsync(Exception exception, bool aborted = false)
    {
        var context = new DefaultHttpContext { RequestServices = _host.Services };
        context.Request.Method = "POST";
        context.Request.Path = "/api/windows";
        context.Response.Body = new MemoryStream();
        using var abort = new CancellationTokenSource();
        if (aborted)
        {
            await abort.CancelAsync();
        }

        context.RequestAborted = abort.Token;
        var handler = new ProblemExceptionHandler(_host.Services.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemExceptionHandler>.Instance);
        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    private static void AssertNoInternals(string body)
    {
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(body).RootElement.ValueKind);
        foreach (var internals in new[] { "INSERT", "SELECT", "Secrets", "SQLite", "constraint", "   at ", "Exception" })
        {
            Assert.DoesNotContain(internals, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AUniqueConstraintRace_IsA409_WithoutTheSql()
    {
        var unique = await FailAsync("INSERT INTO Secrets VALUES (2, 'x')");

        var (status, body) = await HandleAsync(new DbUpdateException("An error occurred while saving the entity changes.", unique));

        Assert.Equal(409, status);
        AssertNoInternals(body);
    }

    [Fact]
    public async Task AConcurrencyConflict_IsA409()
    {
        var (status, body) = await HandleAsync(new DbUpdateConcurrencyException("The database operation was expected to affect 1 row(s)."));

        Assert.Equal(409, status);
        AssertNoInternals(body);
    }

    [Fact]
    public async Task AnyOtherDatabaseError_IsA500_WithoutTheSql()
    {
        var broken = await FailAsync("SELECT * FROM NoSuchTable JOIN Secrets");

        var (status, body) = await HandleAsync(broken);
        var (wrapped, wrappedBody) = await HandleAsync(new DbUpdateException("save failed", broken));

        Assert.Equal(500, status);
        Assert.Equal(500, wrapped);
        AssertNoInternals(body);
        AssertNoInternals(wrappedBody);
    }

    [Fact]
    public async Task ARequestTheCallerAbandoned_IsA400_NotA500()
    {
        var (status, body) = await HandleAsync(new OperationCanceledException(), aborted: true);

        Assert.Equal(400, status);

        // Nobody is left to read it, so the writer may send nothing at all; whatever it sends has no internals.
        Assert.DoesNotContain("   at ", body);
    }
}
