using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Approval.Engine.Tests.Access;

/// <summary>
/// Every endpoint the running app has, against every caller: anonymous, each role, and the scoped
/// variants (own department or another's, own window or another's, own application or another's).
/// A new endpoint fails <see cref="EveryEndpoint_HasARow_AndEveryRow_AnEndpoint"/> until it is given a row in <see cref="Matrix"/>.
/// </summary>
[Collection(AccessFixture.Collection)]
public sealed class AccessMatrixTests(AccessFixture fixture, ITestOutputHelper output)
{
    // Columns: anonymous admin supervisor1 handler1 head1 handler2 head2 window1 window2 applicant1 applicant2.
    // ok = allowed (any answer but 401, 403, 404, a 5xx or a redirect to the login page); a number = exactly that status.
    private const string Public = "ok ok ok ok ok ok ok ok ok ok ok";
    private const string SignedIn = "401 ok ok ok ok ok ok ok ok ok ok";
    private const string Staff = "401 ok ok ok ok ok ok ok ok 403 403";
    private const string AdminOnly = "401 ok 403 403 403 403 403 403 403 403 403";
    private const string Page = "302 ok ok ok ok ok ok ok ok ok ok";
    private const string StaffDesk = "302 403 ok ok ok ok ok ok ok 403 403";
    private const string MovesClocks = "401 403 403 ok ok 404 404 403 403 403 403";
    private const string SupervisionReads = "401 403 ok 403 ok 403 ok 403 403 403 403";
    private const string HandlesWarning = "401 403 ok 403 ok 403 404 403 403 403 403";
    private const string ReadsFigures = "401 ok ok 403 ok 403 ok 403 403 403 403";

    /// <summary>The table: endpoint (methods and route pattern as the app has them), variant, expected answers, request.</summary>
    internal static IReadOnlyList<Row> Matrix { get; } =
    [
        // Open to everyone.
        new("* /health", "", Public, _ => "/health"),
        new("POST /api/auth/login", "", Public, _ => "/api/auth/login", _ => Json(new { userName = "applicant1", password = ApprovalHost.Password })),
        new("GET /login", "", Public, _ => "/login"),
        new("POST /login", "without the antiforgery token", Public, _ => "/login", _ => new FormUrlEncodedContent([new("userName", "x"), new("password", "y")])),
        new("POST /logout", "", "302 302 302 302 302 302 302 302 302 302 302", _ => "/logout"),
        new("GET /language/{language}", "", Public, _ => "/language/en"),
        new("GET,HEAD {**path:file}", "a file that is not there", "404 404 404 404 404 404 404 404 404 404 404", _ => "/no-such-file.txt"),
        new("GET /api/public/items/", "", Public, _ => "/api/public/items"),
        new("GET /api/public/items/changes", "", Public, _ => "/api/public/items/changes?since=2026-01-01"),
        new("GET /api/public/items/{code}", "", Public, f => $"/api/public/items/{f.Item}"),
        new("GET /api/public/windows/", "", Public, _ => "/api/public/windows"),
        new("GET /api/public/windows/{number}", "", Public, _ => "/api/public/windows/W01"),
        new("GET /api/public/calendar/deadline", "", Public, _ => "/api/public/calendar/deadline?accepted=2026-03-02&days=5"),
        new("POST /api/public/calendar/deadline", "", Public, _ => "/api/public/calendar/deadline", _ => Json(new { accepted = "2026-03-02", days = 5 })),
        new("GET /api/public/calendar/working-days", "", Public, _ => "/api/public/calendar/working-days?from=2026-03-02&to=2026-03-31"),
        new("GET /api/public/statistics/monthly", "", Public, _ => "/api/public/statistics/monthly"),

        // Flow definitions: the centre's staff read, administrators write.
        new("GET /api/activities", "", Staff, _ => "/api/activities"),
        new("GET /api/definitions/", "", Staff, _ => "/api/definitions"),
        new("GET /api/definitions/{definitionId}", "", Staff, _ => "/api/definitions/standard-licence"),
        new("GET /api/definitions/{definitionId}/versions", "", Staff, _ => "/api/definitions/standard-licence/versions"),
        new("POST /api/definitions/validate", "", Staff, _ => "/api/definitions/validate", _ => Flow("standard-licence")),
        new("POST /api/definitions/", "", AdminOnly, _ => "/api/definitions", _ => Flow("matrix-flow")),
        new("PUT /api/definitions/{definitionId}/draft", "", AdminOnly, _ => "/api/definitions/matrix-flow/draft", _ => Flow("matrix-flow")),
        new("POST /api/definitions/{definitionId}/publish", "", AdminOnly, _ => "/api/definitions/matrix-flow/publish"),

        // The catalogue.
        new("GET /api/catalogue/items/", "", Staff, _ => "/api/catalogue/items"),
        new("GET /api/catalogue/items/{code}", "", Staff, f => $"/api/catalogue/items/{f.Item}"),
        new("GET /api/catalogue/export", "", Staff, _ => "/api/catalogue/export?format=csv"),
        new("POST /api/catalogue/items/", "", AdminOnly, _ => "/api/catalogue/items", _ => Json(AccessFixture.ItemBody("MX-NEW"))),
        new("PUT /api/catalogue/items/{code}", "", AdminOnly, f => $"/api/catalogue/items/{f.Item}", f => Json(f.ItemJson)),
        new("DELETE /api/catalogue/items/{code}", "", AdminOnly, _ => "/api/catalogue/items/MX-DEL"),
        new("POST /api/catalogue/import", "the exported catalogue", AdminOnly, _ => "/api/catalogue/import", f => Sheet(f)),

        // Consultations at the windows.
        new("POST /api/consultations/", "", "401 403 403 403 403 403 403 ok ok 403 403", _ => "/api/consultations",
            _ => Json(new { question = "食品经营许可要带哪些材料？" })),
        new("GET /api/consultations/", "", "401 ok ok 403 403 403 403 ok ok 403 403", _ => "/api/consultations"),

        // The working-day calendar.
        new("GET /api/calendar/", "", Staff, _ => "/api/calendar"),
        new("GET /api/calendar/{year:int}", "", Staff, _ => "/api/calendar/2026"),
        new("PUT /api/calendar/{year:int}", "", AdminOnly, _ => "/api/calendar/2031", _ => Json(new { year = 2031, source = "测试", holidays = Array.Empty<object>() })),
        new("PUT /api/calendar/days/{date}", "", AdminOnly, _ => "/api/calendar/days/2031-01-06", _ => Json(new { kind = "Holiday", name = "测试" })),

        // Windows, their grants and staff.
        new("GET /api/windows/", "", Staff, _ => "/api/windows"),
        new("GET /api/windows/{number}", "", Staff, _ => "/api/windows/W01"),
        new("GET /api/windows/{number}/staff/", "", Staff, _ => "/api/windows/W01/staff"),
        new("POST /api/windows/", "", AdminOnly, _ => "/api/windows", _ => Json(AccessFixture.WindowBody("W96"))),
        new("PUT /api/windows/{number}", "", AdminOnly, _ => "/api/windows/W97", _ => Json(AccessFixture.WindowBody("W97"))),
        new("PUT /api/windows/{number}/grants/{itemCode}", "", AdminOnly, f => $"/api/windows/W97/grants/{f.Item}", _ => Json(new { mayAccept = true })),
        new("DELETE /api/windows/{number}/grants/{itemCode}", "", AdminOnly, f => $"/api/windows/W97/grants/{f.Item}"),
        new("DELETE /api/windows/{number}", "", AdminOnly, _ => "/api/windows/W98"),
        new("POST /api/staff-changes/", "W01, which serves market regulation", "401 403 403 ok ok 403 403 403 403 403 403",
            _ => "/api/staff-changes", _ => Json(new { window = "W01", outgoing = "window1", incoming = "clerk1", reason = "调任" })),
        new("GET /api/staff-changes/", "", "401 ok ok ok ok ok ok 403 403 403 403", _ => "/api/staff-changes"),
        new("GET /api/staff-changes/{id:guid}", "asked by market regulation", "401 ok ok ok ok 404 404 403 403 403 403", f => $"/api/staff-changes/{f.StaffChange}"),
        new("POST /api/staff-changes/{id:guid}/decision", "asked by market regulation; refused, so the clerks stay", AdminOnly,
            f => $"/api/staff-changes/{f.StaffChange}/decision", _ => Json(new { approve = false, comment = "不同意" })),

        new("POST /api/windows/{number}/staff/", "", AdminOnly, _ => "/api/windows/W97/staff", _ => Json(new { userName = "clerk1" })),
        new("POST /api/windows/{number}/staff/{userName}/end", "", AdminOnly, _ => "/api/windows/W01/staff/window1/end", _ => Json(new { reason = "调回原单位" })),
        // Accounts: administrators only; the rows work on an account the first one makes.
        new("GET /api/users/", "", AdminOnly, _ => "/api/users"),
        new("POST /api/users/", "", AdminOnly, _ => "/api/users", _ => Json(new { userName = "mx-user", role = "WindowStaff", password = "Matrix#2026" })),
        new("GET /api/users/{userName}", "", AdminOnly, _ => "/api/users/mx-user"),
        new("PUT /api/users/{userName}", "", AdminOnly, _ => "/api/users/mx-user", _ => Json(new { displayName = "矩阵", role = "Supervisor" })),
        new("POST /api/users/{userName}/password", "", AdminOnly, _ => "/api/users/mx-user/password", _ => Json(new { password = "Matrix#2027" })),
        new("POST /api/users/{userName}/lock", "", AdminOnly, _ => "/api/users/mx-user/lock"),
        new("POST /api/users/{userName}/unlock", "", AdminOnly, _ => "/api/users/mx-user/unlock"),

        // Cases.
        new("POST /api/cases/", "an application for an item W01 serves", "401 403 403 403 403 403 403 ok 403 ok ok",
            _ => "/api/cases", f => Json(f.Application)),
        new("POST /api/cases/", "a try-out of a bare flow", AdminOnly, _ => "/api/cases", _ => Json(new { definitionId = "standard-licence" })),
        new("GET /api/cases/", "", SignedIn, _ => "/api/cases"),
        new("GET /api/cases/{id:guid}", "market regulation's, accepted at W01, applicant1's", "401 403 ok ok ok 404 404 ok 404 ok 404",
            f => $"/api/cases/{f.Case}"),
        new("GET /api/cases/{id:guid}", "an administrator's try-out, waiting at a window", "401 ok ok 404 404 404 404 ok ok 404 404",
            f => $"/api/cases/{f.TryOut}"),
        new("GET /api/cases/{id:guid}", "a case that does not exist", "401 404 404 404 404 404 404 404 404 404 404",
            _ => $"/api/cases/{Guid.Empty}"),
        new("POST /api/cases/{id:guid}/pauses", "", MovesClocks, f => $"/api/cases/{f.Case}/pauses", _ => Json(new { kind = "Inspection", reason = "现场核查" })),
        new("POST /api/cases/{id:guid}/pauses/{pauseId:long}/end", "", MovesClocks, f => $"/api/cases/{f.PausedCase}/pauses/{f.Pause}/end", _ => Json(new { })),
        new("POST /api/cases/{id:guid}/extension", "", MovesClocks, f => $"/api/cases/{f.Case}/extension", _ => Json(new { reason = "需要补充论证" })),
        new("POST /api/cases/{id:guid}/extension/decision", "", "401 403 403 403 ok 403 404 403 403 403 403",
            f => $"/api/cases/{f.ExtensionCase}/extension/decision", _ => Json(new { approve = true })),

        new("POST /api/cases/{id:guid}/materials/", "market regulation's, accepted at W01, applicant1's", "401 403 403 403 403 403 403 ok 404 ok 404",
            f => $"/api/cases/{f.Case}/materials", _ => AccessFixture.Pdf("申请书")),
        new("GET /api/cases/{id:guid}/materials/", "market regulation's, accepted at W01, applicant1's", "401 403 ok ok ok 404 404 ok 404 ok 404",
            f => $"/api/cases/{f.Case}/materials"),
        new("GET /api/cases/{id:guid}/materials/{sha256}", "market regulation's, accepted at W01, applicant1's", "401 403 ok ok ok 404 404 ok 404 ok 404",
            f => $"/api/cases/{f.Case}/materials/{f.Material}"),
        new("GET /api/cases/{id:guid}/notices/", "market regulation's, accepted at W01, applicant1's", "401 403 ok ok ok 404 404 ok 404 ok 404",
            f => $"/api/cases/{f.Case}/notices"),
        new("GET /api/cases/{id:guid}/notices/{noticeId:guid}", "its acceptance notice", "401 403 ok ok ok 404 404 ok 404 ok 404",
            f => $"/api/cases/{f.Case}/notices/{f.Notice}"),

        // Tasks.
        new("GET /api/tasks", "", Staff, _ => "/api/tasks"),
        new("POST /api/tasks/{id:guid}/complete", "market regulation's review (a handler's)", "401 403 403 ok 403 404 404 403 404 403 403",
            f => $"/api/tasks/{f.ReviewTask}/complete", _ => Json(new { outcome = "Pass", comment = "同意" })),
        new("POST /api/tasks/{id:guid}/complete", "a staff change's approval (the centre's)", "401 ok 403 404 404 404 404 404 404 403 403",
            f => $"/api/tasks/{f.StaffChangeTask}/complete", _ => Json(new { outcome = "Deny", comment = "不同意" })),

        // Supervision.
        new("GET /api/supervision/warnings", "", SupervisionReads, _ => "/api/supervision/warnings"),
        new("GET /api/supervision/escalations", "", SupervisionReads, _ => "/api/supervision/escalations"),
        new("GET /api/supervision/overdue", "", SupervisionReads, _ => "/api/supervision/overdue"),
        new("POST /api/supervision/warnings/{id:long}/acknowledge", "market regulation's", HandlesWarning,
            f => $"/api/supervision/warnings/{f.Warning}/acknowledge", _ => Json(new { comment = "已知悉" })),
        new("POST /api/supervision/warnings/{id:long}/resolve", "market regulation's", HandlesWarning,
            f => $"/api/supervision/warnings/{f.Warning}/resolve", _ => Json(new { comment = "已处理" })),
        new("POST /api/supervision/sweep", "", "401 403 ok 403 403 403 403 403 403 403 403", _ => "/api/supervision/sweep"),
        new("GET /api/notifications/", "", SignedIn, _ => "/api/notifications"),
        new("POST /api/notifications/{id:long}/read", "supervisor1's", "401 404 ok 404 404 404 404 404 404 404 404",
            f => $"/api/notifications/{f.Notification}/read"),

        // Statistics.
        new("GET /api/statistics/", "", ReadsFigures, _ => "/api/statistics"),
        new("GET /api/statistics/", "housing construction's", "401 ok ok 403 403 403 ok 403 403 403 403",
            _ => $"/api/statistics?department={AccessFixture.OtherDepartment}"),
        new("GET /api/statistics/export", "", ReadsFigures, _ => "/api/statistics/export"),
        new("GET /api/statistics/daily", "", "401 ok ok 403 403 403 403 403 403 403 403", _ => "/api/statistics/daily"),

        // The audit log: the supervision office reads it.
        new("GET /api/audit/", "", "401 403 ok 403 403 403 403 403 403 403 403", _ => "/api/audit"),
        new("GET /api/audit/verify", "", "401 403 ok 403 403 403 403 403 403 403 403", _ => "/api/audit/verify"),

        // The Blazor UI and the timers dashboard (a browser without the login cookie goes to the login page).
        new("GET,POST /", "", Page, _ => "/"),
        new("GET,POST /cases", "", Page, _ => "/cases"),
        new("GET,POST /cases/{CaseId:guid}", "", Page, f => $"/cases/{f.Case}"),
        new("GET,POST /flows/{DefinitionId}", "", Page, _ => "/flows/standard-licence"),
        new("GET,POST /flows", "", Page, _ => "/flows"),
        new("GET,POST /inbox", "", StaffDesk, _ => "/inbox"),
        new("GET,POST /desk", "", "302 403 403 403 403 403 403 ok ok 403 403", _ => "/desk"),
        new("GET,POST /tasks/{TaskId:guid}", "", StaffDesk, f => $"/tasks/{f.ReviewTask}"),
        new("GET /studio/cases/{id:guid}/materials/{sha256}", "a scan opened from a desk", "401 403 ok ok ok 404 404 ok 404 ok 404",
            f => $"/studio/cases/{f.Case}/materials/{f.Material}"),
        new("GET /studio/cases/{id:guid}/notices/{noticeId:guid}", "a notice opened from a desk", "401 403 ok ok ok 404 404 ok 404 ok 404",
            f => $"/studio/cases/{f.Case}/notices/{f.Notice}"),
        new("GET /_framework/opaque-redirect", "", Page, _ => "/_framework/opaque-redirect"),
        new("* /_blazor/negotiate", "", SignedIn, _ => "/_blazor/negotiate?negotiateVersion=1", Send: "POST"),
        new("* /_blazor", "", SignedIn, _ => "/_blazor"),
        new("* /_blazor/disconnect/", "", Page, _ => "/_blazor/disconnect", Send: "POST"),
        new("* /_blazor/initializers/", "", Page, _ => "/_blazor/initializers"),
        new("* /hangfire/{**path}", "", "302 ok ok 403 403 403 403 403 403 403 403", _ => "/hangfire"),
    ];

    // A subtle failure this guards against: an endpoint added without thinking about who may call it.
    [Fact]
    public void EveryEndpoint_HasARow_AndEveryRow_AnEndpoint()
    {
        var endpoints = Endpoints();
        var rows = Matrix.Select(r => r.Endpoint).ToHashSet();

        Assert.True(endpoints.Except(rows).ToList() is [], $"Endpoints with no row in the access matrix: {string.Join("; ", endpoints.Except(rows))}");
        Assert.True(rows.Except(endpoints).ToList() is [], $"Rows for endpoints the app does not have: {string.Join("; ", rows.Except(endpoints))}");
    }

    [Fact]
    public async Task EveryCaller_GetsTheExpectedAnswer_AtEveryEndpoint()
    {
        var wrong = new List<string>();
        var sent = 0;
        foreach (var row in Matrix)
        {
            var answers = new List<int>();
            var expected = row.Expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(expected.Length == AccessFixture.Callers.Length, $"{row.Endpoint} ({row.Variant}) has {expected.Length} answers.");
            for (var i = 0; i < expected.Length; i++)
            {
                var caller = AccessFixture.Callers[i];
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path(fixture)) { Content = row.Body?.Invoke(fixture) };
                using var response = await fixture.Clients[caller].SendAsync(request);
                sent++;
                answers.Add((int)response.StatusCode);
                if (!Matches(expected[i], response))
                {
                    wrong.Add($"{row.Method} {request.RequestUri} ({row.Variant}) as {caller}: expected {expected[i]}, got {(int)response.StatusCode}"
                        + $" {Shorten(await response.Content.ReadAsStringAsync())}");
                }
            }

            output.WriteLine($"{row.Endpoint} {row.Variant}: {string.Join(" ", answers)}");
        }

        output.WriteLine($"Access matrix: {Matrix.Count} rows over {Matrix.Select(r => r.Endpoint).Distinct().Count()} endpoints, "
            + $"{AccessFixture.Callers.Length} callers, {sent} requests.");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {sent} answers differ from the matrix:\n{string.Join("\n", wrong)}");
    }

    private HashSet<string> Endpoints()
    {
        _ = fixture.Host.Server;
        return fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.All(m => m.GetType().Name != "StaticAssetDescriptor")) // the UI's own files, served to anyone
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}")
            .ToHashSet();
    }

    private static bool Matches(string expected, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (expected != "ok")
        {
            return status.ToString(System.Globalization.CultureInfo.InvariantCulture) == expected;
        }

        var toLogin = response.Headers.Location?.OriginalString.Contains("/login", StringComparison.Ordinal) == true;
        return status is not (401 or 403 or 404) && status < 500 && !toLogin;
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] : text;

    private static JsonContent Json(object value) => JsonContent.Create(value);

    private static StringContent Flow(string definitionId)
    {
        var flow = JsonNode.Parse(File.ReadAllText(Path.Combine(ApprovalHost.WorkflowsFolder, "standard-licence.json")))!;
        flow["definitionId"] = definitionId;
        return new StringContent(flow.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
    }

    private static MultipartFormDataContent Sheet(AccessFixture f) => new()
    {
        { new ByteArrayContent(f.CatalogueSheet), "file", "catalogue.csv" },
    };

    internal sealed record Row(
        string Endpoint, string Variant, string Expected, Func<AccessFixture, string> Path, Func<AccessFixture, HttpContent>? Body = null,
        string? Send = null)
    {
        public string Method => Send ?? Endpoint.Split(' ')[0].Split(',')[0] switch
        {
            "*" => "GET",
            var m => m,
        };
    }
}
