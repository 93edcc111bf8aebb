using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Activities.Conditions;

namespace Approval.Engine.Tests.Hardening;

/// <summary>A condition past the expression limits is reported by validation and stops publishing, naming its activity and property.</summary>
public sealed class DefinitionLimitsTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _host.LoginAsync("admin");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The shipped standard licence with a Decision "check" between accept and review.</summary>
    private static JsonObject WithCheck(string condition, string definitionId = "standard-licence")
    {
        var flow = DefinitionsApiTests.StandardLicence();
        flow["definitionId"] = definitionId;
        flow["activities"]!.AsArray().Add(new JsonObject { ["id"] = "check", ["type"] = "Decision", ["properties"] = new JsonObject { ["condition"] = condition } });
        var accepted = flow["connections"]!.AsArray().Single(c => c!["from"]!.GetValue<string>() == "accept" && c["outcome"]!.GetValue<string>() == "Accepted")!;
        var review = accepted["to"]!.GetValue<string>();
        accepted["to"] = "check";
        flow["connections"]!.AsArray().Add(new JsonObject { ["from"] = "check", ["outcome"] = "True", ["to"] = review });
        flow["connections"]!.AsArray().Add(new JsonObject { ["from"] = "check", ["outcome"] = "False", ["to"] = review });
        return flow;
    }

    private static readonly string TooManySteps = string.Concat(Enumerable.Repeat("1+", CaseCondition.MaxSteps / 2 + 1)) + "1 > 0";

    [Fact]
    public async Task Validate_NamesTheActivityAndProperty_OfAConditionOverTheStepLimit()
    {
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsJsonAsync("/api/definitions/validate", WithCheck("[amount] > 1"))).StatusCode);

        var response = await _admin.PostAsJsonAsync("/api/definitions/validate", WithCheck(TooManySteps));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("validationErrors").EnumerateArray());
        Assert.Equal("check", error.Str("activityId"));
        Assert.EndsWith("/properties/condition", error.Str("path"));
        Assert.Contains($"at most {CaseCondition.MaxSteps}", error.Str("message"));
    }

    [Fact]
    public async Task Publish_RefusesADraftWhoseConditionNestsTooDeep()
    {
        var deep = new string('(', CaseCondition.MaxDepth + 1) + "[amount] > 1" + new string(')', CaseCondition.MaxDepth + 1);
        var draft = await _admin.PostAsJsonAsync("/api/definitions", WithCheck(deep, "deep-condition"));
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);

        var publish = await _admin.PostAsync("/api/definitions/deep-condition/publish", null);

        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        var error = Assert.Single((await publish.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("validationErrors").EnumerateArray());
        Assert.Equal("check", error.Str("activityId"));
        Assert.Contains($"{CaseCondition.MaxDepth} deep", error.Str("message"));
    }
}
