using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approval.Engine.Tests;

public sealed class DefinitionsApiTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _host.LoginAsync("admin");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Validate_ReturnsBadRequest_ListingEveryErrorWithItsLocation()
    {
        var broken = StandardLicence();
        broken["activities"]!.AsArray().Add(new JsonObject { ["id"] = "orphan", ["type"] = "Review" });
        broken["activities"]!.AsArray().Add(new JsonObject { ["id"] = "weird", ["type"] = "Teleport" });
        broken["connections"]!.AsArray().Add(new JsonObject { ["from"] = "decide", ["outcome"] = "Maybe", ["to"] = "nowhere" });

        var response = await _admin.PostAsJsonAsync("/api/definitions/validate", broken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var codes = problem.GetProperty("validationErrors").EnumerateArray()
            .Select(e => $"{e.Str("code")}@{e.Str("path")}").ToHashSet();
        Assert.Contains("unknown-activity-type@/activities/10/type", codes);
        Assert.Contains("unreachable-activity@/activities/9", codes);
        Assert.Contains("undeclared-outcome@/connections/10/outcome", codes);
        Assert.Contains("missing-activity@/connections/10/to", codes);
        Assert.Contains("dangling-outcome@/activities/9", codes);
        Assert.True(problem.GetProperty("errors").TryGetProperty("/activities/10/type", out _));
    }

    [Fact]
    public async Task Validate_ReturnsOk_ForAShippedFlow()
    {
        var response = await _admin.PostAsJsonAsync("/api/definitions/validate", StandardLicence());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Publish_MakesANewVersionCurrent_WhileRunningCasesStayOnTheirs()
    {
        var window = await _host.LoginAsync("window1");
        var old = await window.CreateCaseAsync();
        Assert.Equal(1, old.GetProperty("definitionVersion").GetInt32());

        // Version 2 skips review: accept goes straight to decide.
        var v2 = StandardLicence();
        var accepted = v2["connections"]!.AsArray().Single(c => c!["from"]!.GetValue<string>() == "accept" && c["outcome"]!.GetValue<string>() == "Accepted")!;
        accepted["to"] = "decide";
        v2["connections"]!.AsArray().Where(c => c!["from"]!.GetValue<string>() == "review").ToList().ForEach(c => v2["connections"]!.AsArray().Remove(c));
        v2["activities"]!.AsArray().Remove(v2["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "review"));
        v2["activities"]!.AsArray().Remove(v2["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "end-rejected"));

        var draft = await _admin.PostAsJsonAsync("/api/definitions", v2);
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var draftDoc = await draft.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, draftDoc.GetProperty("definition").GetProperty("version").GetInt32());
        Assert.Equal("Draft", draftDoc.Str("status"));
        Assert.Equal(1, (await _admin.GetFromJsonAsync<JsonElement>("/api/definitions/standard-licence")).GetProperty("definition").GetProperty("version").GetInt32());

        var published = await _admin.PostAsync("/api/definitions/standard-licence/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var fresh = await window.CreateCaseAsync();
        Assert.Equal(2, fresh.GetProperty("definitionVersion").GetInt32());
        var decide = (await window.CompleteOkAsync(fresh.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];
        Assert.Equal("decide", decide.Str("activityId"));

        var review = (await window.CompleteOkAsync(old.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];
        Assert.Equal("review", review.Str("activityId"));

        var versions = await _admin.GetFromJsonAsync<JsonElement>("/api/definitions/standard-licence/versions");
        Assert.Equal(["2:Published", "1:Retired"], versions.EnumerateArray().Select(v => $"{v.GetProperty("version").GetInt32()}:{v.Str("status")}").ToArray());
        var old1 = await _admin.GetFromJsonAsync<JsonElement>("/api/definitions/standard-licence?version=1");
        Assert.Equal("Retired", old1.Str("status"));
    }

    [Fact]
    public async Task Publish_ReturnsBadRequest_WhileTheDraftHasErrors_AndChangesNothing()
    {
        var draft = StandardLicence();
        draft["connections"]!.AsArray().RemoveAt(draft["connections"]!.AsArray().Count - 1);
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/definitions", draft)).StatusCode);

        var response = await _admin.PostAsync("/api/definitions/standard-licence/publish", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dangling-outcome", await response.Content.ReadAsStringAsync());
        var current = await _admin.GetFromJsonAsync<JsonElement>("/api/definitions/standard-licence");
        Assert.Equal(1, current.GetProperty("definition").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task UpdateDraft_ReplacesTheDraft_AndASecondDraftIsAConflict()
    {
        var draft = StandardLicence();
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/definitions", draft)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PostAsJsonAsync("/api/definitions", draft)).StatusCode);

        draft["name"] = "改名后的流程";
        var updated = await _admin.PutAsJsonAsync("/api/definitions/standard-licence/draft", draft);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var v2 = await _admin.GetFromJsonAsync<JsonElement>("/api/definitions/standard-licence?version=2");
        Assert.Equal("改名后的流程", v2.GetProperty("definition").Str("name"));
    }

    [Fact]
    public async Task WritingDefinitions_IsForAdministratorsOnly()
    {
        var handler = await _host.LoginAsync("handler1");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsJsonAsync("/api/definitions", StandardLicence())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsync("/api/definitions/standard-licence/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync("/api/definitions/standard-licence")).StatusCode);
    }

    [Fact]
    public async Task MalformedDefinition_GetsBadRequestProblem_NamingWhere()
    {
        var response = await _admin.PostAsync("/api/definitions",
            new StringContent("""{"definitionId":"x","name":"n","activities":[{"id":"a","type":"Start","colour":"red"}]}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("colour", problem.Str("detail"));
        Assert.Equal("$.activities[0].colour", problem.Str("path"));
    }

    [Fact]
    public async Task Activities_ListsTheDescriptorsForThePalette()
    {
        var activities = await _admin.GetFromJsonAsync<JsonElement>("/api/activities");
        var accept = activities.EnumerateArray().Single(a => a.Str("type") == "Accept");
        Assert.Equal("受理", accept.Str("displayName"));
        Assert.Equal(["Accepted", "NeedsCorrection", "Refused"], accept.GetProperty("outcomes").EnumerateArray().Select(o => o.Str("name")).ToArray());
        Assert.Contains(accept.GetProperty("properties").EnumerateArray(), p => p.Str("name") == "role" && p.Str("kind") == "Role");
    }

    [Fact]
    public async Task Api_NeedsABearerToken_ButLoginAndHealthDoNot()
    {
        var anonymous = _host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        var bad = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = "wrong" });
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Swagger_DescribesTheApi_WithBearerAuth()
    {
        var swagger = await _host.CreateClient().GetStringAsync("/swagger/v1/swagger.json");
        Assert.Contains("/api/tasks/{id}/complete", swagger);
        Assert.Contains("\"bearer\"", swagger);
    }

    internal static JsonObject StandardLicence() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ApprovalHost.WorkflowsFolder, "standard-licence.json")))!.AsObject();
}
