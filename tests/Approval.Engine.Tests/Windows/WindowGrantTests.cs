using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests.Windows;

/// <summary>Who may receive and accept what: the sample hall's grant matrix, and department staff kept to their department.</summary>
public sealed class WindowGrantTests(SampleHallHost hall) : IClassFixture<SampleHallHost>
{
    private const string FoodLicence = "452624-XK-SCJG-001";     // market-regulation: W01
    private const string BuildingPermit = "452624-XK-ZJ-001";    // housing-construction: W02
    private const string IdentityCard = "452624-GG-GA-001";      // public-security: W03
    private const string PropertyTransfer = "452624-QR-ZRZY-001"; // natural-resources registration: W04 only
    private const string SocialSecurityCard = "452624-GG-RS-003"; // human-resources: W05 and the convenience window W06
    private const string Employment = "452624-GG-RS-001";        // human-resources: W05, not W06

    private ApprovalHost Host => hall.Host;

    [Theory]
    [InlineData("window1", FoodLicence, true)]
    [InlineData("window1", BuildingPermit, false)]
    [InlineData("window2", BuildingPermit, true)]
    [InlineData("window2", FoodLicence, false)]
    [InlineData("window3", IdentityCard, true)]
    [InlineData("window3", PropertyTransfer, false)]
    [InlineData("window4", PropertyTransfer, true)]
    [InlineData("window5", Employment, true)]
    [InlineData("window6", SocialSecurityCard, true)]
    [InlineData("window6", Employment, false)]
    [InlineData("clerk1", FoodLicence, false)]
    public async Task AClerk_ReceivesAnApplication_OnlyForAnItemTheirWindowServes(string clerk, string item, bool allowed)
    {
        var client = await Host.LoginAsync(clerk);
        var before = await Host.CasesOfAsync(item);

        var response = await client.FileAsync(item);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(before + 1, await Host.CasesOfAsync(item));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(item, (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"));
            Assert.Equal(before, await Host.CasesOfAsync(item));
        }
    }

    [Theory]
    [InlineData("window1", FoodLicence, true)]
    [InlineData("window2", FoodLicence, false)]
    [InlineData("window6", SocialSecurityCard, true)]
    [InlineData("window6", Employment, false)]
    [InlineData("window5", Employment, true)]
    [InlineData("clerk1", SocialSecurityCard, false)]
    public async Task AClerk_AcceptsAnOnLineApplication_OnlyForAnItemTheirWindowServes_AndARefusalChangesNothing(string clerk, string item, bool allowed)
    {
        var applicant = await Host.LoginAsync("applicant1");
        var filed = await applicant.FileOkAsync(item);
        var client = await Host.LoginAsync(clerk);

        var inbox = await client.GetFromJsonAsync<JsonElement>("/api/tasks?take=500");
        var response = await client.CompleteAsync(filed.OpenTask("accept"), "Accepted");

        Assert.Equal(allowed, inbox.EnumerateArray().Any(t => t.Id() == filed.OpenTask("accept")));
        // A window that does not serve the item does not see the application at all: its task does not exist for the clerk.
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
        if (!allowed)
        {
            var after = await (await Host.LoginAsync("supervisor1")).GetCaseAsync(filed.Id());
            Assert.Equal(["accept"], after.OpenActivities());
            Assert.Single(after.GetProperty("history").EnumerateArray());
            Assert.False(after.GetProperty("clock").TryGetProperty("acceptedOn", out _));
        }
    }

    [Fact]
    public async Task WithdrawingAGrant_StopsTheWindowServingTheItem_AndGrantingItAgainRestoresIt()
    {
        var admin = await Host.LoginAsync("admin");
        var window = await Host.LoginAsync("window3");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/windows/W03/grants/{IdentityCard}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await window.FileAsync(IdentityCard)).StatusCode);

        var again = await admin.PutAsJsonAsync($"/api/windows/W03/grants/{IdentityCard}", new { mayAccept = true });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await window.FileAsync(IdentityCard)).StatusCode);
    }

    [Fact]
    public async Task DepartmentStaff_ActOnlyOnTheirDepartmentsItems()
    {
        var filed = await (await Host.LoginAsync("window1")).FileOkAsync(FoodLicence);
        var review = (await (await Host.LoginAsync("window1")).CompleteOkAsync(filed.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];
        var otherHandler = await Host.LoginAsync("handler2");
        var otherHead = await Host.LoginAsync("head2");

        Assert.Equal(HttpStatusCode.NotFound, (await otherHandler.CompleteAsync(review.Id(), "Pass")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await otherHead.PostAsJsonAsync($"/api/cases/{filed.Id()}/pauses", new { kind = "Inspection", reason = "现场核查" })).StatusCode);
        var after = await (await Host.LoginAsync("supervisor1")).GetCaseAsync(filed.Id());
        Assert.Equal(["review"], after.OpenActivities());
        Assert.Empty(after.GetProperty("clock").GetProperty("pauses").EnumerateArray());

        await (await Host.LoginAsync("handler1")).CompleteOkAsync(review.Id(), "Pass");
    }
}
