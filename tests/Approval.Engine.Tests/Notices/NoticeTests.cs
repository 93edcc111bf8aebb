using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Approval.Engine.Tests.Notices;

/// <summary>
/// 文书: the notices the steps and the clocks issue, numbered per kind and year, kept with the case as
/// PDFs whose text (as pdftotext reads it) says what the law asks of each, for whoever may see the case.
/// </summary>
public sealed class NoticeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero); // 10:00 in China

    private readonly ApprovalHost _host = new(start: Monday);
    private HttpClient _window = null!;
    private HttpClient _handler = null!;
    private HttpClient _head = null!;

    public async Task InitializeAsync()
    {
        _window = await _host.LoginAsync("window1");
        _handler = await _host.LoginAsync("handler1");
        _head = await _host.LoginAsync("head1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Acceptance_IssuesANotice_NamingTheCaseNumberQueryCodeAndBothDeadlines()
    {
        var created = await _window.CreateCaseAsync();
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
        var @case = await _window.GetCaseAsync(created.Id());
        var clock = @case.GetProperty("clock");

        var notice = Assert.Single(await NoticesAsync(_window, created.Id()));
        var response = await _window.GetAsync(notice.Str("download"));
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = await PdfText.TextAsync(pdf);

        Assert.Equal("Acceptance", notice.Str("kind"));
        Assert.Equal("受理通知书", notice.Str("title"));
        Assert.Equal("德政服受字〔2026〕第0001号", notice.Str("number"));
        Assert.Equal("2026-12-07", notice.Str("issuedOn"));
        Assert.Equal("window1", notice.Str("issuedBy"));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("德政服受字〔2026〕第0001号", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        foreach (var expected in new[]
        {
            "德保县政务服务中心", "受理通知书", "德政服受字〔2026〕第0001号", "李四：", @case.Str("number"), @case.Str("queryCode"),
            Day(clock.Str("promisedDeadline")), Day(clock.Str("statutoryDeadline")), "0776-3822345", "0776-3822312", "（印章）",
        })
        {
            Assert.Contains(expected, text);
        }
    }

    [Fact]
    public async Task TheFont_IsEmbedded()
    {
        var created = await _window.CreateCaseAsync();
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");

        var fonts = await PdfText.FontsAsync(await PdfAsync(_window, Assert.Single(await NoticesAsync(_window, created.Id()))));

        // pdffonts: name, type, encoding, emb, sub, uni, object; each font is embedded (a subset) with a Unicode map.
        var rows = fonts.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.Contains(rows, r => r.Contains("Droid Sans Fallback"));
        Assert.Contains(rows, r => r.Contains("DejaVu Sans"));
        Assert.All(rows, r => Assert.Matches(@"\byes\s+yes\s+yes\b", r));
    }

    [Fact]
    public async Task ACorrectionNotice_ListsExactlyTheMissingMaterials_AndWhenTheLimitRuns()
    {
        var created = await _window.CreateCaseAsync();
        var corrected = await _window.PostAsJsonAsync($"/api/tasks/{created.OpenTask("accept")}/complete", new
        {
            outcome = "NeedsCorrection",
            comment = "材料不齐",
            missingMaterials = new[] { "营业执照复印件", "法定代表人身份证明" },
        });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);

        var notice = Assert.Single(await NoticesAsync(_window, created.Id()));
        var text = await PdfText.TextAsync(await PdfAsync(_window, notice));

        Assert.Equal("Correction", notice.Str("kind"));
        Assert.Equal("德政服补字〔2026〕第0001号", notice.Str("number"));
        Assert.Contains("一次性补正告知书", text);
        Assert.Contains("1.营业执照复印件2.法定代表人身份证明请于", text);
        Assert.DoesNotContain("3.", text);
        Assert.Contains("第三十二条", text);
        Assert.Contains("自收到全部补正材料之日起受理，办理时限自受理之日起计算", text);
    }

    [Fact]
    public async Task ARefusalToAccept_NamesTheReasonsTheLegalBasisAndTheRemedies()
    {
        var created = await _window.CreateCaseAsync();
        var refused = await _window.PostAsJsonAsync($"/api/tasks/{created.OpenTask("accept")}/complete", new
        {
            outcome = "Refused",
            comment = "申请事项不属于本机关职权范围",
            legalBasis = "《中华人民共和国行政许可法》第三十二条第一款第二项",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        var notice = Assert.Single(await NoticesAsync(_window, created.Id()));
        var text = await PdfText.TextAsync(await PdfAsync(_window, notice));

        Assert.Equal("RefusalToAccept", notice.Str("kind"));
        Assert.Equal("德政服不受字〔2026〕第0001号", notice.Str("number"));
        Assert.Contains("不予受理决定书", text);
        Assert.Contains("理由：申请事项不属于本机关职权范围", text);
        Assert.Contains("法律依据：《中华人民共和国行政许可法》第三十二条第一款第二项", text);
        Assert.Contains("六十日内依法申请行政复议", text);
        Assert.Contains("六个月内依法提起行政诉讼", text);
    }

    [Fact]
    public async Task Numbers_RunInSequencePerKindAndYear_AndAreUnique()
    {
        var cases = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await _window.CreateCaseAsync();
            await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
            cases.Add(created.Id());
        }

        var corrected = await _window.CreateCaseAsync();
        await _window.CompleteOkAsync(corrected.OpenTask("accept"), "NeedsCorrection", "申请书");

        // The next year starts each kind again at 1.
        _host.Clock.Advance(TimeSpan.FromDays(30));
        _window = await _host.LoginAsync("window1"); // the token of a month ago has expired
        var nextYear = await _window.CreateCaseAsync();
        await _window.CompleteOkAsync(nextYear.OpenTask("accept"), "Accepted");

        var numbers = new List<string>();
        foreach (var id in cases.Append(corrected.Id()).Append(nextYear.Id()))
        {
            numbers.Add(Assert.Single(await NoticesAsync(_window, id)).Str("number"));
        }

        Assert.Equal(
            ["德政服受字〔2026〕第0001号", "德政服受字〔2026〕第0002号", "德政服受字〔2026〕第0003号", "德政服补字〔2026〕第0001号", "德政服受字〔2027〕第0001号"],
            numbers);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public async Task AGrantAndTheCertificate_AreIssued_ByDecideAndCertify()
    {
        var created = await _window.CreateCaseAsync();
        var review = (await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];
        var decide = (await _handler.CompleteOkAsync(review.Id(), "Pass", "符合条件")).GetProperty("openedTasks")[0];
        var certify = (await _head.CompleteOkAsync(decide.Id(), "Grant", "经审查，符合法定条件")).GetProperty("openedTasks")[0];
        await _window.CompleteOkAsync(certify.Id(), "Issued");

        var notices = await NoticesAsync(_window, created.Id());
        var grant = await PdfText.TextAsync(await PdfAsync(_window, notices[1]));
        var certificate = await PdfText.TextAsync(await PdfAsync(_window, notices[2]));

        Assert.Equal(["Acceptance", "Grant", "Certificate"], notices.Select(n => n.Str("kind")));
        Assert.Equal("德政服准字〔2026〕第0001号", notices[1].Str("number"));
        Assert.Equal("head1", notices[1].Str("issuedBy"));
        Assert.Contains("准予许可决定书", grant);
        Assert.Contains("决定准予行政许可", grant);
        Assert.Contains("经审查，符合法定条件", grant);
        Assert.Equal("德政服证字〔2026〕第0001号", notices[2].Str("number"));
        Assert.Contains("证号：德政服证字〔2026〕第0001号", certificate);
        Assert.Contains("许可事项：测试事项（standard-licence）", certificate);
        Assert.Contains("持证人：李四", certificate);
        Assert.Contains("发证日期：2026年12月7日", certificate);
    }

    [Fact]
    public async Task ACaseReturnedAndAcceptedAgain_HasOneAcceptanceNotice()
    {
        var created = await _window.CreateCaseAsync();
        var review = (await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];
        var back = (await _handler.CompleteOkAsync(review.Id(), "Return", "缺营业执照副本")).GetProperty("openedTasks")[0];

        await _window.CompleteOkAsync(back.Id(), "Accepted");

        Assert.Equal("德政服受字〔2026〕第0001号", Assert.Single(await NoticesAsync(_window, created.Id())).Str("number"));
    }

    [Fact]
    public async Task ADenial_GivesTheReasonsAndTheRemedies()
    {
        var created = await _window.CreateCaseAsync();
        var review = (await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted")).GetProperty("openedTasks")[0];
        var decide = (await _handler.CompleteOkAsync(review.Id(), "Pass")).GetProperty("openedTasks")[0];
        await _head.CompleteOkAsync(decide.Id(), "Deny", "经现场核查，经营场所不符合要求");

        var notice = (await NoticesAsync(_window, created.Id()))[1];
        var text = await PdfText.TextAsync(await PdfAsync(_window, notice));

        Assert.Equal("德政服不准字〔2026〕第0001号", notice.Str("number"));
        Assert.Contains("不予许可决定书", text);
        Assert.Contains("理由：经现场核查，经营场所不符合要求", text);
        Assert.Contains("六十日内依法申请行政复议", text);
    }

    [Fact]
    public async Task ASpecialProcedure_IssuesANotice_WithItsKindStartAndExpectedDays()
    {
        var id = await AcceptedAsync();

        var paused = await _handler.PostAsJsonAsync($"/api/cases/{id}/pauses", new { kind = "Hearing", reason = "涉及相邻权利人重大利益", expectedDays = 20 });
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);

        var notice = (await NoticesAsync(_window, id))[1];
        var text = await PdfText.TextAsync(await PdfAsync(_window, notice));

        Assert.Equal("SpecialProcedure", notice.Str("kind"));
        Assert.Equal("德政服特字〔2026〕第0001号", notice.Str("number"));
        Assert.Equal("handler1", notice.Str("issuedBy"));
        Assert.Contains("特别程序告知书", text);
        Assert.Contains("依法需要听证", text);
        Assert.Contains("事由：涉及相邻权利人重大利益", text);
        Assert.Contains("听证自2026年12月7日开始，预计需要20个工作日", text);
        Assert.Contains("不计算在办理期限内", text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public async Task ExpectedDays_OutOfRange_IsAProblemAtExpectedDays(int days)
    {
        var id = await AcceptedAsync();

        var paused = await _handler.PostAsJsonAsync($"/api/cases/{id}/pauses", new { kind = "Hearing", reason = "听证", expectedDays = days });

        Assert.Equal(HttpStatusCode.BadRequest, paused.StatusCode);
        Assert.True((await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("expectedDays", out _));
        Assert.Single(await NoticesAsync(_window, id)); // the acceptance only: no procedure started
    }

    [Fact]
    public async Task AnApprovedExtension_IssuesANotice_WithTheReasonDaysAndNewDeadlines()
    {
        var id = await AcceptedAsync();
        Assert.Equal(HttpStatusCode.OK, (await _handler.PostAsJsonAsync($"/api/cases/{id}/extension", new { reason = "需征求相关部门意见" })).StatusCode);
        Assert.Single(await NoticesAsync(_window, id)); // asking is not yet an extension

        var decided = await _head.PostAsJsonAsync($"/api/cases/{id}/extension/decision", new { approve = true, comment = "同意" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var clock = await decided.Content.ReadFromJsonAsync<JsonElement>();

        var notice = (await NoticesAsync(_window, id))[1];
        var text = await PdfText.TextAsync(await PdfAsync(_window, notice));

        Assert.Equal("Extension", notice.Str("kind"));
        Assert.Equal("德政服延字〔2026〕第0001号", notice.Str("number"));
        Assert.Contains("延期通知书", text);
        Assert.Contains("因需征求相关部门意见，不能在规定期限内作出决定", text);
        Assert.Contains("延长10个工作日", text);
        Assert.True(text.Contains(Day(clock.Str("promisedDeadline"))) && text.Contains(Day(clock.Str("statutoryDeadline"))),
            $"{clock}\n{text}");
    }

    [Fact]
    public async Task ARefusedExtension_IssuesNoNotice()
    {
        var id = await AcceptedAsync();
        await _handler.PostAsJsonAsync($"/api/cases/{id}/extension", new { reason = "需征求相关部门意见" });

        Assert.Equal(HttpStatusCode.OK, (await _head.PostAsJsonAsync($"/api/cases/{id}/extension/decision", new { approve = false, comment = "不同意" })).StatusCode);

        Assert.Single(await NoticesAsync(_window, id));
    }

    [Fact]
    public async Task TheNotices_AreNotThere_ForWhoeverMayNotSeeTheCase()
    {
        var id = await AcceptedAsync();
        var notice = Assert.Single(await NoticesAsync(_window, id));
        var applicant = await _host.LoginAsync("applicant1"); // the clerk filed it: not theirs
        var otherDepartment = await _host.LoginAsync("handler2");

        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/api/cases/{id}/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync(notice.Str("download"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherDepartment.GetAsync(notice.Str("download"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _window.GetAsync($"/api/cases/{id}/notices/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _window.GetAsync($"/api/cases/{Guid.NewGuid()}/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _handler.GetAsync(notice.Str("download"))).StatusCode);
    }

    [Fact]
    public async Task AnApplicant_DownloadsTheNoticesOfTheirOwnApplication()
    {
        var applicant = await _host.LoginAsync("applicant1");
        var created = await applicant.CreateCaseAsync();
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");

        var notice = Assert.Single(await NoticesAsync(applicant, created.Id()));

        Assert.Contains("受理通知书", await PdfText.TextAsync(await PdfAsync(applicant, notice)));
    }

    private async Task<string> AcceptedAsync()
    {
        var created = await _window.CreateCaseAsync();
        await _window.CompleteOkAsync(created.OpenTask("accept"), "Accepted");
        return created.Id();
    }

    private static async Task<List<JsonElement>> NoticesAsync(HttpClient client, string caseId)
    {
        var response = await client.GetAsync($"/api/cases/{caseId}/notices");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private static async Task<byte[]> PdfAsync(HttpClient client, JsonElement notice)
    {
        var response = await client.GetAsync(notice.Str("download"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    // As the notices print a day: 2026-12-21 → 2026年12月21日.
    private static string Day(string isoDay)
    {
        var day = DateOnly.Parse(isoDay, System.Globalization.CultureInfo.InvariantCulture);
        return $"{day.Year}年{day.Month}月{day.Day}日";
    }
}
