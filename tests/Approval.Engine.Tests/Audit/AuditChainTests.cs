using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Approval.Engine.Tests.Audit;

/// <summary>The chain proves what was written: it verifies, and an edit or removal made behind the API's back is named.</summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = AuditHost.Create();
    private HttpClient _supervisor = null!;
    private HttpClient _window = null!;

    public async Task InitializeAsync()
    {
        _supervisor = await _host.LoginAsync("supervisor1");
        _window = await _host.LoginAsync("window1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheChainHolds_AndEachHashIsTheReadmesCanonicalForm()
    {
        var created = await _window.CreateCaseAsync();
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted", "材料齐全，予以受理");

        var verified = await _supervisor.VerifyAsync();
        var entries = await _supervisor.EntriesAsync();

        Assert.True(verified.GetProperty("holds").GetBoolean());
        Assert.Equal(entries.Count, verified.GetProperty("entries").GetInt64());
        Assert.Equal(entries[^1].Str("hash"), verified.Str("lastHash"));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(new string('0', 64), entries[0].Str("previousHash"));
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].Str("hash"), entries[i].Str("previousHash"));
        }

        // Recomputed here from the stored row as the README describes it, so an outsider can do the same.
        await using var connection = await OpenAsync();
        foreach (var entry in entries)
        {
            Assert.Equal(entry.Str("hash"), await HashByHandAsync(connection, entry.GetProperty("sequence").GetInt64()));
        }
    }

    [Fact]
    public async Task ADecisionEditedInTheDatabase_IsNamedByVerify()
    {
        var created = await _window.CreateCaseAsync();
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted", "材料齐全");
        var step = await _supervisor.SingleAsync("task.completed", created.OpenTask("accept"));
        await _window.CreateCaseAsync(); // entries after it, so it is not merely the last
        await using var connection = await OpenAsync();

        // The trigger refuses the edit; whoever controls the file can drop it, which the chain does not care about.
        var refused = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(connection, "UPDATE AuditLog SET Details = '{}' WHERE Sequence = 1"));
        Assert.Contains("append-only", refused.Message);
        await ExecuteAsync(connection, "DROP TRIGGER TR_AuditLog_NoUpdate");
        var edited = await ExecuteAsync(connection,
            $"""UPDATE AuditLog SET Details = replace(Details, '"outcome":"Accepted"', '"outcome":"Rejected"') WHERE Sequence = {step.GetProperty("sequence").GetInt64()}""");
        Assert.Equal(1, edited);

        var verified = await _supervisor.VerifyAsync();

        Assert.False(verified.GetProperty("holds").GetBoolean());
        Assert.Equal(step.GetProperty("sequence").GetInt64(), verified.GetProperty("brokenAt").GetInt64());
        Assert.Equal("ContentAltered", verified.Str("reason"));
        Assert.Equal(step.GetProperty("sequence").GetInt64() - 1, verified.GetProperty("entries").GetInt64());
    }

    [Fact]
    public async Task AnEditWithItsHashRecomputed_BreaksTheNextEntrysLink()
    {
        await _window.CreateCaseAsync();
        var entries = await _supervisor.EntriesAsync();
        var target = entries[^2].GetProperty("sequence").GetInt64();
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "DROP TRIGGER TR_AuditLog_NoUpdate");
        await ExecuteAsync(connection, $"UPDATE AuditLog SET ActorName = 'someone-else' WHERE Sequence = {target}");
        await ExecuteAsync(connection, $"UPDATE AuditLog SET Hash = '{await HashByHandAsync(connection, target)}' WHERE Sequence = {target}");

        var verified = await _supervisor.VerifyAsync();

        Assert.False(verified.GetProperty("holds").GetBoolean());
        Assert.Equal(target + 1, verified.GetProperty("brokenAt").GetInt64());
        Assert.Equal("LinkBroken", verified.Str("reason"));
    }

    [Fact]
    public async Task AMiddleEntryDeletedInTheDatabase_IsNamedAsAGap()
    {
        await _window.CreateCaseAsync();
        var entries = await _supervisor.EntriesAsync();
        var middle = entries[entries.Count / 2].GetProperty("sequence").GetInt64();
        await using var connection = await OpenAsync();
        await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(connection, $"DELETE FROM AuditLog WHERE Sequence = {middle}"));
        await ExecuteAsync(connection, "DROP TRIGGER TR_AuditLog_NoDelete");
        Assert.Equal(1, await ExecuteAsync(connection, $"DELETE FROM AuditLog WHERE Sequence = {middle}"));

        var verified = await _supervisor.VerifyAsync();

        Assert.False(verified.GetProperty("holds").GetBoolean());
        Assert.Equal(middle + 1, verified.GetProperty("brokenAt").GetInt64());
        Assert.Equal("SequenceGap", verified.Str("reason"));
        Assert.Contains($"Entry {middle} is missing", verified.Str("detail"));
    }

    [Fact]
    public async Task ManyAuditedRequestsAtOnce_AllSucceed_AndKeepOneUnbrokenChain()
    {
        var cases = new List<JsonElement>();
        for (var i = 0; i < 8; i++)
        {
            cases.Add(await _window.CreateCaseAsync());
        }

        var admin = await _host.LoginAsync("admin");
        var flows = new[] { "audit-a", "audit-b", "audit-c" };
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ApprovalHost.WorkflowsFolder, "standard-licence.json")))!.AsObject();
        foreach (var flow in flows)
        {
            definition["definitionId"] = flow;
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/definitions", definition)).StatusCode);
        }

        var before = (await _supervisor.VerifyAsync()).GetProperty("entries").GetInt64();
        var anonymous = _host.CreateClient();

        // Steps, logins (their own transaction), failed logins and publishes (a transaction the handler opens) race for the head.
        var requests = cases.Select(c => _window.CompleteAsync(c.OpenTask("accept"), "Accepted", "并发受理"))
            .Concat(Enumerable.Range(0, 8).Select(_ => anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "handler2", password = ApprovalHost.Password })))
            .Concat(Enumerable.Range(0, 8).Select(_ => anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "wrong-password" })))
            .Concat(flows.Select(f => admin.PostAsync($"/api/definitions/{f}/publish", null)))
            .ToList();
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized, r.StatusCode.ToString()));
        Assert.Equal(8, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        var verified = await _supervisor.VerifyAsync();
        Assert.True(verified.GetProperty("holds").GetBoolean(), verified.ToString());
        // Each acceptance is audited twice: the step, and the acceptance notice it issues.
        Assert.Equal(before + requests.Count + cases.Count, verified.GetProperty("entries").GetInt64());
    }

    [Fact]
    public async Task OnlyTheSupervisionOffice_ReadsTheLog()
    {
        var anonymous = _host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/audit/verify")).StatusCode);
        foreach (var user in new[] { "admin", "head1", "handler1", "applicant1" })
        {
            var client = await _host.LoginAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit/verify")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await _window.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _supervisor.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task ARefusedRequest_LeavesNoEntry()
    {
        var created = await _window.CreateCaseAsync();
        var admin = await _host.LoginAsync("admin");
        var before = (await _supervisor.VerifyAsync()).GetProperty("entries").GetInt64();

        Assert.Equal(HttpStatusCode.BadRequest, (await _window.CompleteAsync(created.OpenTask("accept"), "NoSuchOutcome", "x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _window.CompleteAsync(created.OpenTask("accept"), "", "x")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.CompleteAsync(created.OpenTask("accept"), "Accepted")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/calendar/days/2026-05-06", new { kind = "Nonsense" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/definitions/no-such-flow/publish", null)).StatusCode);

        Assert.Equal(before, (await _supervisor.VerifyAsync()).GetProperty("entries").GetInt64());
        Assert.Empty(await _supervisor.EntriesAsync("&action=task.completed"));
    }

    [Fact]
    public async Task TheLog_PagesNewestFirst_AndFiltersByResourceActorActionAndTime()
    {
        var created = await _window.CreateCaseAsync();
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
        var all = await _supervisor.EntriesAsync();

        var first = await _supervisor.GetFromJsonAsync<JsonElement>("/api/audit?take=2");
        var newest = first.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal([all.Count, all.Count - 1], newest);
        Assert.Equal("newest", first.Str("order"));
        var second = await _supervisor.GetFromJsonAsync<JsonElement>($"/api/audit?take=2&before={first.GetProperty("next").GetInt64()}");
        Assert.Equal([all.Count - 2, all.Count - 3], second.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));

        Assert.Equal(["case.filed", "case.notice-issued", "task.completed"],
            (await _supervisor.EntriesAsync("&actor=window1&action=case.")).Concat(await _supervisor.EntriesAsync("&actor=window1&action=task.completed"))
                .Select(e => e.Str("action")));
        Assert.Equal(["case.filed", "case.notice-issued"],
            (await _supervisor.EntriesAsync($"&resourceType=case&resourceId={created.Id()}")).Select(e => e.Str("action")).Order(StringComparer.Ordinal));
        var at = Uri.EscapeDataString(_host.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(all.Count, (await _supervisor.EntriesAsync($"&to={Uri.EscapeDataString(_host.Clock.GetUtcNow().AddSeconds(1).ToString("O", CultureInfo.InvariantCulture))}")).Count);
        Assert.Empty(await _supervisor.EntriesAsync($"&from={Uri.EscapeDataString(_host.Clock.GetUtcNow().AddSeconds(1).ToString("O", CultureInfo.InvariantCulture))}"));
        Assert.Equal(all.Count, (await _supervisor.EntriesAsync($"&from={at}")).Count); // China time, as a user would give it

        var invalid = await _supervisor.GetAsync("/api/audit?order=sideways&take=0");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["order", "take"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={_host.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The README's recipe: the twelve fields in order, each as its UTF-8 byte length, ':', the bytes
    /// and '\n' (null as empty); the time as UTC to the millisecond; lower-case hex SHA-256.
    /// </summary>
    private static async Task<string> HashByHandAsync(SqliteConnection connection, long sequence)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Sequence, At, ActorId, ActorName, Roles, Action, ResourceType, ResourceId, IpAddress, UserAgent, Details, PreviousHash
            FROM AuditLog WHERE Sequence = $sequence
            """;
        command.Parameters.AddWithValue("$sequence", sequence);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var fields = new List<string>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            fields.Add(i switch
            {
                0 => reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
                1 => Time(reader.GetInt64(1)),
                _ => reader.IsDBNull(i) ? "" : reader.GetString(i),
            });
        }

        var canonical = new StringBuilder();
        foreach (var field in fields)
        {
            canonical.Append(CultureInfo.InvariantCulture, $"{Encoding.UTF8.GetByteCount(field)}:{field}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    // SQLite keeps a time as EF Core's DateTimeOffsetToBinaryConverter writes it: UTC ticks / 1000 above an 11-bit offset (zero here).
    private static string Time(long stored) =>
        new DateTime((stored >> 11) * 1000, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
