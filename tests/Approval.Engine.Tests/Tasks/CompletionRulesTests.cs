using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Tests.Catalogue;

namespace Approval.Engine.Tests.Tasks;

/// <summary>
/// What the law asks of an application's outcomes: one correction notice listing every missing one; a refusal with its reasons and legal basis; a
/// reason for a return, rejection or denial; a certificate's fee within the schedule, with its receipt.
/// A completion that breaks a rule says where, and changes nothing.
/// </summary>
public sealed class CompletionRulesTests : IAsyncLifetime
{
    private const string Code = "452624-XK-R1";
    private readonly ApprovalHost _host = new();
    private HttpClient _window = null!;

    public async Task InitializeAsync()
    {
        var admin = await _host.LoginAsync("admin");
        var item = new CatalogueApiTests.ItemBody(
            Code, "规则测试事项", "01", "market-regulation", "德保县市场监督管理局", "《中华人民共和国行政许可法》", 20, 10, "Promised",
            [new("申请书", "申请人", 1, 0, true), new("营业执照", "市场监管部门", 0, 1, true), new("场地照片", "申请人", 0, 1, false)],
            new(true, "住宅类每件80元，非住宅类每件550元；每增加一本证书加收工本费10元", "发改价格规〔2016〕2559号"), [], true,
            "0776-3822001", "0776-3821234", "Active", null, null, "standard-licence", 10);
        var created = await admin.PostAsJsonAsync("/api/catalogue/items", item);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        await ApprovalHost.GrantToWindowsOfAsync(admin, Code, "market-regulation");
        _window = await _host.LoginAsync("window1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Acceptance_TakesTheMaterialsAsTheWindowTicksThem()
    {
        var @case = await FileAsync(("申请书", 1, 0));

        var done = await PostAsync(@case.OpenTask("accept"), new
        {
            outcome = "Accepted",
            materials = new[] { new { name = "申请书", originals = 1, copies = 0 }, new { name = "营业执照", originals = 0, copies = 1 } },
        });

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var after = await _window.GetCaseAsync(@case.Id());
        Assert.Equal(["申请书", "营业执照"], after.GetProperty("materials").EnumerateArray().Select(m => m.Str("name")));
    }

    [Fact]
    public async Task ACorrectionNotice_ListsEveryMissingMaterial_AndComesOnce()
    {
        var @case = await FileAsync(("申请书", 1, 0));
        var accept = @case.OpenTask("accept");

        await RefusedAsync(accept, new { outcome = "NeedsCorrection", comment = "缺材料" }, "missingMaterials");
        var partial = await RefusedAsync(accept, new { outcome = "NeedsCorrection", missingMaterials = new[] { "场地照片" } }, "missingMaterials");
        var first = await PostAsync(accept, new { outcome = "NeedsCorrection", missingMaterials = new[] { "营业执照", "场地照片" } });

        Assert.Contains("营业执照", partial);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var again = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("openedTasks")[0].Id();
        var after = await _window.GetCaseAsync(@case.Id());
        Assert.Equal(["营业执照", "场地照片"], after.GetProperty("correctionMaterials").EnumerateArray().Select(m => m.GetString()));

        var second = await PostAsync(again, new { outcome = "NeedsCorrection", missingMaterials = new[] { "营业执照" } });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("不得再次要求补正", (await second.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"));
    }

    [Fact]
    public async Task ARefusalToAccept_NeedsItsReasonsAndLegalBasis()
    {
        var @case = await FileAsync(("申请书", 1, 0));
        var accept = @case.OpenTask("accept");

        await RefusedAsync(accept, new { outcome = "Refused", legalBasis = "《行政许可法》第三十二条" }, "comment");
        await RefusedAsync(accept, new { outcome = "Refused", comment = "不属于本机关职权范围" }, "legalBasis");
        var done = await PostAsync(accept, new { outcome = "Refused", comment = "不属于本机关职权范围", legalBasis = "《行政许可法》第三十二条第一款第（二）项" });

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var task = (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("task");
        Assert.Equal("《行政许可法》第三十二条第一款第（二）项", task.Str("legalBasis"));
    }

    [Fact]
    public async Task AReturnRejectionOrDenial_NeedsAReason()
    {
        var review = await ReviewTaskAsync();
        var handler = await _host.LoginAsync("handler1");

        foreach (var outcome in new[] { "Return", "Reject" })
        {
            var response = await handler.PostAsJsonAsync($"/api/tasks/{review}/complete", new { outcome, comment = " " });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("comment", out _));
        }

        var decide = (await handler.CompleteOkAsync(review, "Pass")).GetProperty("openedTasks")[0].Id();
        var deny = await (await _host.LoginAsync("head1")).PostAsJsonAsync($"/api/tasks/{decide}/complete", new { outcome = "Deny" });
        Assert.Equal(HttpStatusCode.BadRequest, deny.StatusCode);
    }

    [Theory]
    [InlineData(null, null, "fee")] // a charged item: the amount is required
    [InlineData(85, "NO.001", "fee")] // not made of 80, 550 and 10
    [InlineData(0, null, "fee")] // the schedule waives nothing
    [InlineData(100, null, "feeReceipt")] // 80 and two 10s, but no receipt
    public async Task ACertificatesFee_OutsideTheSchedule_OrWithoutAReceipt_IsRefused(int? fee, string? receipt, string where)
    {
        var certify = await CertifyTaskAsync();

        await RefusedAsync(certify, new { outcome = "Issued", fee, feeReceipt = receipt }, where);
    }

    [Fact]
    public async Task ACertificatesFee_WithinTheSchedule_IsKeptOnTheCase()
    {
        var certify = await CertifyTaskAsync();

        var done = await PostAsync(certify, new { outcome = "Issued", fee = 100, feeReceipt = "桂财票 0001234" });

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var caseId = (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("task").Str("caseId");
        var @case = await _window.GetCaseAsync(caseId);
        Assert.Equal(100m, @case.GetProperty("feeCharged").GetDecimal());
        Assert.Equal("桂财票 0001234", @case.Str("feeReceipt"));
        var figures = await (await _host.LoginAsync("supervisor1")).GetFromJsonAsync<JsonElement>($"/api/statistics?groupBy=range,item&item={Code}");
        Assert.Equal(100m, figures.GetProperty("total").GetProperty("feesCharged").GetDecimal());
        Assert.Equal(1, figures.GetProperty("total").GetProperty("feeCases").GetInt32());
    }

    [Fact]
    public async Task ATaskCompletedMeanwhile_SaysByWhomAndWhen()
    {
        var @case = await FileAsync(("申请书", 1, 0), ("营业执照", 0, 1));
        var accept = @case.OpenTask("accept");
        await _window.CompleteOkAsync(accept, "Accepted");

        var again = await PostAsync(accept, new { outcome = "Accepted" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("window1", problem.Str("completedBy"));
        Assert.Equal("综合窗口一号", problem.Str("completedByName"));
        Assert.Equal("Accepted", problem.Str("outcome"));
        Assert.True(problem.TryGetProperty("completedAt", out _));
    }

    private async Task<string> ReviewTaskAsync()
    {
        var @case = await FileAsync(("申请书", 1, 0), ("营业执照", 0, 1));
        return (await _window.CompleteOkAsync(@case.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0].Id();
    }

    private async Task<string> CertifyTaskAsync()
    {
        var review = await ReviewTaskAsync();
        var decide = (await (await _host.LoginAsync("handler1")).CompleteOkAsync(review, "Pass")).GetProperty("openedTasks")[0].Id();
        var certify = (await (await _host.LoginAsync("head1")).CompleteOkAsync(decide, "Grant")).GetProperty("openedTasks")[0];
        return certify.Id();
    }

    private async Task<JsonElement> FileAsync(params (string Name, int Originals, int Copies)[] materials)
    {
        var response = await _window.PostAsJsonAsync("/api/cases", new
        {
            itemCode = Code,
            applicant = new { name = "李四" },
            materials = materials.Select(m => new { name = m.Name, originals = m.Originals, copies = m.Copies }),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> PostAsync(string taskId, object body)
    {
        var client = await ClientForAsync(taskId);
        return await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", body);
    }

    // Whoever's step it is: the window's, the handler's, the head's.
    private async Task<HttpClient> ClientForAsync(string taskId)
    {
        foreach (var user in new[] { "window1", "handler1", "head1" })
        {
            var client = await _host.LoginAsync(user);
            var inbox = await client.GetFromJsonAsync<JsonElement>("/api/tasks");
            if (inbox.EnumerateArray().Any(t => t.Id() == taskId))
            {
                return client;
            }
        }

        return _window; // no longer open: whoever did the first step asks again
    }

    private async Task<string> RefusedAsync(string taskId, object body, string where)
    {
        var response = await PostAsync(taskId, body);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(where, out var messages), errors.GetRawText());
        return messages.GetRawText();
    }
}
