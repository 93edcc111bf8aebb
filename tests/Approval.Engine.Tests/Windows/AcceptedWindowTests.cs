using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests.Windows;

/// <summary>The window a case is counted to is where its clerk sits when accepting it, not where their sign-in said.</summary>
public sealed class AcceptedWindowTests : IAsyncLifetime
{
    private const string FoodLicence = "452624-XK-SCJG-001"; // market-regulation

    private readonly ApprovalHost _host = SampleHallHost.Create();

    public Task InitializeAsync() => _host.CreateClient().GetAsync("/health");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AClerkSeatedAfterSigningIn_AcceptsForTheWindowTheySitAt()
    {
        var clerk = await _host.LoginAsync("clerk1"); // signed in while seated at no window
        var admin = await _host.LoginAsync("admin");
        var window = new
        {
            number = "W90",
            name = "测试窗口 W90",
            type = "Comprehensive",
            departments = new[] { new { department = "market-regulation", headAuthority = "MiddleChief" } },
            head = new { name = "黄海燕", title = "股长" },
            phone = "0776-3821201",
            supervisionPhone = "0776-3821234",
        };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/windows", window)).StatusCode);
        Assert.True((await admin.PutAsJsonAsync($"/api/windows/W90/grants/{FoodLicence}", new { mayAccept = true })).IsSuccessStatusCode);
        Assert.True((await admin.PostAsJsonAsync("/api/windows/W90/staff", new { userName = "clerk1" })).IsSuccessStatusCode);
        var filed = await (await _host.LoginAsync("applicant1")).FileOkAsync(FoodLicence);

        var accepted = await clerk.CompleteAsync(filed.OpenTask("accept"), "Accepted");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var cases = await (await _host.LoginAsync("supervisor1")).GetFromJsonAsync<JsonElement>($"/api/cases?item={FoodLicence}");
        var listed = cases.EnumerateArray().Single(c => c.Id() == filed.Id());
        Assert.Equal("W90", listed.Str("acceptedWindow"));
    }
}
