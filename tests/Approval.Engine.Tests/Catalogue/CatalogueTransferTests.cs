using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace Approval.Engine.Tests.Catalogue;

public sealed class CatalogueTransferTests : IAsyncLifetime
{
    private const string Promised = "承诺时限(promisedLimit)";
    private readonly ApprovalHost _host = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await _host.LoginAsync("admin");

        // Text that would break a naive format: separators and escapes inside materials and
        // services, spaces around an issuer, a newline, quotes and commas, a formula-like name.
        await CreateAsync(Item("452624-XK-X1") with
        {
            LegalBasis = "《食品安全法》第三十五条，\"许可\"；\n第二款",
            Materials = [new("申请书|附表; 第2页 \\ 副本", " 申请人 ", 1, 0, true), new("营业执照", null, 0, 1, false)],
            Fee = new(true, "每件 10 元", "桂价费〔2020〕1号"),
            IntermediaryServices = ["场所检测; 含复检", "图纸审查"],
            EffectiveFrom = "2026-01-01",
        });
        await CreateAsync(Item("452624-GG-X2") with
        {
            Name = "就业登记", ItemType = "20", Department = "human-resources", StatutoryLimit = 5, PromisedLimit = 0, CaseKind = "Instant",
            SupervisionPhone = null,
        });
        await CreateAsync(Item("452624-XK-X3") with { Name = "=1+1 测试事项", Status = "Cancelled", EffectiveTo = "2026-12-31" });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ExportedXlsx_HoldsTheApisFigures_AndImportsBackUnchanged_RecordingNothing()
    {
        var export = await _admin.GetAsync("/api/catalogue/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var file = await export.Content.ReadAsByteArrayAsync();

        var sheet = Rows(file, ExcelType.XLSX);
        var api = (await _admin.GetFromJsonAsync<JsonElement>("/api/catalogue/items")).EnumerateArray().ToList();
        Assert.Equal(api.Select(i => i.Str("code")), sheet.Select(r => (string)r["事项编码(code)"]!));
        foreach (var (row, item) in sheet.Zip(api))
        {
            Assert.Equal(item.Str("name"), row["事项名称(name)"]);
            Assert.Equal(item.Str("itemType"), row["事项类型(itemType)"]);
            Assert.Equal(item.GetProperty("statutoryLimit").GetInt32(), Convert.ToInt32(row["法定时限(statutoryLimit)"]));
            Assert.Equal(item.GetProperty("promisedLimit").GetInt32(), Convert.ToInt32(row[Promised]));
            Assert.Equal(item.GetProperty("extensionDays").GetInt32(), Convert.ToInt32(row["延长天数(extensionDays)"]));
            Assert.Equal(item.Str("caseKind") == "Instant" ? "即办件" : "承诺件", row["办件类型(caseKind)"]);
        }

        Assert.Equal(@"申请书\|附表\; 第2页 \\ 副本|\ 申请人\ |原件1|复印件0|必需; 营业执照||原件0|复印件1|可选", sheet.Single(r => (string)r["事项编码(code)"]! == "452624-XK-X1")["申请材料(materials)"]);
        var feed = await FeedAsync();

        var import = await ImportAsync(_admin, file, "catalogue.xlsx");

        await AssertCountsAsync(import, added: 0, updated: 0, unchanged: 3);
        Assert.Equal(feed, await FeedAsync());
        Assert.Equal(api.Select(i => i.GetRawText()), (await _admin.GetFromJsonAsync<JsonElement>("/api/catalogue/items")).EnumerateArray().Select(i => i.GetRawText()));
    }

    [Fact]
    public async Task ExportedCsv_ImportsBackUnchanged()
    {
        var export = await _admin.GetAsync("/api/catalogue/export?format=csv");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var file = await export.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(file);

        // A cell starting with '=' runs as a formula when a clerk opens the CSV (CSV injection).
        Assert.Contains("'=1+1 测试事项", text);
        Assert.DoesNotContain(",=1+1", text);
        Assert.DoesNotContain("\"=1+1", text);
        Assert.StartsWith("\uFEFF事项编码(code),事项名称(name),", text);
        var feed = await FeedAsync();

        await AssertCountsAsync(await ImportAsync(_admin, file, "catalogue.csv"), added: 0, updated: 0, unchanged: 3);
        Assert.Equal(feed, await FeedAsync());
        Assert.Equal("=1+1 测试事项", (await _admin.GetFromJsonAsync<JsonElement>("/api/catalogue/items/452624-XK-X3")).Str("name"));
    }

    [Fact]
    public async Task OneBadRow_IsNamedByRowAndColumn_AndTheGoodRowIsNotAdded()
    {
        var template = X1(Rows(await ExportAsync("xlsx"), ExcelType.XLSX));
        var good = With(template, "事项编码(code)", "452624-XK-N1");
        var bad = With(With(template, "事项编码(code)", "452624-XK-N2"), Promised, 15);

        var response = await ImportAsync(_admin, Xlsx(good, bad), "catalogue.xlsx");

        var errors = await RowErrorsAsync(response);
        var error = Assert.Single(errors);
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal(Promised, error.Str("column"));
        Assert.Contains("70%", error.Str("message"));
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/catalogue/items/452624-XK-N1")).StatusCode);
    }

    [Fact]
    public async Task ACodeGivenTwice_NamesBothRows()
    {
        var template = X1(Rows(await ExportAsync("csv"), ExcelType.CSV));
        var row = With(template, "事项编码(code)", "452624-XK-D1");

        var errors = await RowErrorsAsync(await ImportAsync(_admin, Xlsx(template, row, row), "catalogue.xlsx"));

        Assert.Equal([3, 4], errors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.All(errors, e => Assert.Equal("事项编码(code)", e.Str("column")));
        Assert.All(errors, e => Assert.Contains("rows 3, 4", e.Str("message")));
    }

    [Fact]
    public async Task CellsThatDoNotRead_AreEachNamed_WithoutEchoesFromTheRules()
    {
        var template = X1(Rows(await ExportAsync("xlsx"), ExcelType.XLSX));
        var row = With(With(With(template, "法定时限(statutoryLimit)", "二十"), "生效日期(effectiveFrom)", "明天"), "申请材料(materials)", "申请书|申请人|原件1");

        var blank = row.ToDictionary(c => c.Key, _ => (object?)null);

        var errors = await RowErrorsAsync(await ImportAsync(_admin, Xlsx(blank, row), "catalogue.xlsx"));

        // The unreadable statutory limit must not also be reported as a broken 30% rule on promisedLimit.
        Assert.Equal(["法定时限(statutoryLimit)", "申请材料(materials)", "生效日期(effectiveFrom)"], errors.Select(e => e.Str("column")));

        // A blank row is skipped but still counted, so the number is the one the clerk sees.
        Assert.All(errors, e => Assert.Equal(3, e.GetProperty("row").GetInt32()));
    }

    [Fact]
    public async Task ChangingOnePromisedLimit_UpdatesOneItem_AndTheFeedShowsItAdjusted()
    {
        var rows = Rows(await ExportAsync("xlsx"), ExcelType.XLSX);
        var changed = rows.Select(r => (string)r["事项编码(code)"]! == "452624-XK-X1" ? With(r, Promised, 5) : r).ToArray();

        await AssertCountsAsync(await ImportAsync(_admin, Xlsx(changed), "catalogue.xlsx"), added: 0, updated: 1, unchanged: 2);

        Assert.Equal(5, (await _admin.GetFromJsonAsync<JsonElement>("/api/catalogue/items/452624-XK-X1")).GetProperty("promisedLimit").GetInt32());
        var feed = await _host.CreateClient().GetFromJsonAsync<JsonElement>("/api/public/items/changes");
        Assert.Equal(["New", "Adjusted"], feed.EnumerateArray().Where(c => c.Str("itemCode") == "452624-XK-X1").Select(c => c.Str("kind")));
    }

    [Fact]
    public async Task NewRows_AreAdded_WithChineseOrEnglishWords()
    {
        var template = X1(Rows(await ExportAsync("csv"), ExcelType.CSV));
        var row = With(With(With(template, "事项编码(code)", "452624-XK-N3"), "办件类型(caseKind)", "Promised"), "网上可办(onlineAvailable)", "false");

        await AssertCountsAsync(await ImportAsync(_admin, Xlsx(row), "catalogue.xlsx"), added: 1, updated: 0, unchanged: 0);

        var item = await _admin.GetFromJsonAsync<JsonElement>("/api/catalogue/items/452624-XK-N3");
        Assert.False(item.GetProperty("onlineAvailable").GetBoolean());
        var feed = await _host.CreateClient().GetFromJsonAsync<JsonElement>("/api/public/items/changes");
        Assert.Contains(feed.EnumerateArray(), c => c.Str("itemCode") == "452624-XK-N3" && c.Str("kind") == "New");
    }

    [Fact]
    public async Task Importing_IsForAdministrators_ExportingForAnyoneSignedIn()
    {
        var handler = await _host.LoginAsync("handler1");
        var file = await ExportAsync("xlsx");

        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync("/api/catalogue/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(handler, file, "catalogue.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().GetAsync("/api/catalogue/export")).StatusCode);
    }

    [Theory]
    [InlineData("photo.png", "\x89PNG\r\n\x1a\n not a spreadsheet")]
    [InlineData("catalogue.xlsx", "事项编码(code),事项名称(name)")]
    [InlineData("catalogue.xls", "\xD0\xCF\x11\xE0 old workbook")]
    [InlineData("catalogue.csv", "just some words\nand more")]
    public async Task AFileThatIsNotACatalogueSpreadsheet_IsRefused(string name, string content)
    {
        var response = await ImportAsync(_admin, Encoding.Latin1.GetBytes(content), name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AFileOverFiveMegabytes_IsRefusedAsTooLarge()
    {
        foreach (var size in new[] { (5 * 1024 * 1024) + 1, 8 * 1024 * 1024 })
        {
            var response = await ImportAsync(_admin, new byte[size], "catalogue.csv");

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ABodyWithoutTheFile_IsRefused()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        var noFile = await _admin.PostAsync("/api/catalogue/import", form);
        var notAForm = await _admin.PostAsJsonAsync("/api/catalogue/import", new { file = "catalogue.xlsx" });

        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Equal("application/problem+json", noFile.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAForm.StatusCode);
        Assert.Equal("application/problem+json", notAForm.Content.Headers.ContentType?.MediaType);
    }

    private async Task<byte[]> ExportAsync(string format) => await _admin.GetByteArrayAsync($"/api/catalogue/export?format={format}");

    private async Task<int> FeedAsync() =>
        (await _host.CreateClient().GetFromJsonAsync<JsonElement>("/api/public/items/changes")).GetArrayLength();

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/catalogue/import", form);
    }

    private static async Task AssertCountsAsync(HttpResponseMessage response, int added, int updated, int unchanged)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var counts = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((added, updated, unchanged),
            (counts.GetProperty("added").GetInt32(), counts.GetProperty("updated").GetInt32(), counts.GetProperty("unchanged").GetInt32()));
    }

    private static async Task<List<JsonElement>> RowErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors").EnumerateArray()];
    }

    /// <summary>The sheet's rows by header, as a clerk's spreadsheet program would see them.</summary>
    private static List<Dictionary<string, object?>> Rows(byte[] file, ExcelType type)
    {
        using var stream = new MemoryStream(file);
        return [.. stream.Query(useHeaderRow: true, excelType: type).Select(r => new Dictionary<string, object?>((IDictionary<string, object?>)r))];
    }

    private static Dictionary<string, object?> X1(List<Dictionary<string, object?>> rows) =>
        rows.Single(r => (string?)r["事项编码(code)"] == "452624-XK-X1");

    private static Dictionary<string, object?> With(Dictionary<string, object?> row, string column, object? value) =>
        new(row) { [column] = value };

    private static byte[] Xlsx(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private async Task CreateAsync(ItemBody item)
    {
        var response = await _admin.PostAsJsonAsync("/api/catalogue/items", item);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static ItemBody Item(string code) => new(
        code, "食品经营许可（测试）", "01", "market-regulation", "德保县市场监督管理局", "《中华人民共和国行政许可法》", 20, 10, "Promised",
        [new("申请书", "申请人", 1, 0, true)], new(false, null, null), [], true, "0776-3822001", "0776-3821234", "Active", null, null,
        "standard-licence", 10);

    private sealed record ItemBody(
        string Code, string Name, string ItemType, string Department, string DepartmentName, string LegalBasis,
        int StatutoryLimit, int PromisedLimit, string CaseKind, MaterialBody[] Materials, FeeBody Fee, string[] IntermediaryServices,
        bool OnlineAvailable, string? ConsultationPhone, string? SupervisionPhone, string Status, string? EffectiveFrom,
        string? EffectiveTo, string DefinitionId, int ExtensionDays);

    private sealed record MaterialBody(string Name, string? Issuer, int Originals, int Copies, bool Required);

    private sealed record FeeBody(bool Charged, string? Standard, string? Basis);
}
