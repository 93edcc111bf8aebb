using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Approval.Engine.Tests.Materials;

/// <summary>Files for a case's materials: typed by their bytes, capped, kept once under their hash, handed back as attachments.</summary>
public sealed class MaterialsApiTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private readonly ApprovalHost _host = new(settings: new Dictionary<string, string?> { ["Materials:MaxBytes"] = "4096" });
    private HttpClient _window = null!;
    private string _caseId = "";

    public async Task InitializeAsync()
    {
        _window = await _host.LoginAsync("window1");
        _caseId = (await _window.CreateCaseAsync()).Id();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static MultipartFormDataContent Form(byte[] bytes, string fileName = "申请书.pdf", string? contentType = "application/pdf", string material = "申请书")
    {
        var file = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return new MultipartFormDataContent { { new StringContent(material), "material" }, { file, "file", fileName } };
    }

    private Task<HttpResponseMessage> UploadAsync(HttpClient client, MultipartFormDataContent form, string? caseId = null) =>
        client.PostAsync($"/api/cases/{caseId ?? _caseId}/materials", form);

    [Fact]
    public async Task AClerk_HandsInAPdf_AfterFiling_AndAnyoneWhoReadsTheCase_DownloadsItAsAnAttachment()
    {
        var uploaded = await UploadAsync(_window, Form(Pdf, "../../etc/申请书 <final>.pdf"));

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var material = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        Assert.Equal(sha256, material.Str("sha256"));
        Assert.Equal("application/pdf", material.Str("contentType"));
        Assert.Equal("申请书__final.pdf", material.Str("fileName"));
        Assert.Equal("window1", material.Str("uploadedBy"));
        Assert.Equal(_host.Clock.GetUtcNow(), material.GetProperty("uploadedAt").GetDateTimeOffset());

        var handler = await _host.LoginAsync("handler1");
        var list = await handler.GetFromJsonAsync<JsonElement>($"/api/cases/{_caseId}/materials");
        Assert.Equal(sha256, Assert.Single(list.EnumerateArray()).Str("sha256"));
        var download = await handler.GetAsync(material.Str("download"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(File.Exists(Path.Combine(_host.MaterialsPath, sha256[..2], sha256)));
    }

    [Fact]
    public async Task TheSameFileTwice_IsKeptOnce()
    {
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(_window, Form(Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(_window, Form(Pdf, "copy.pdf"))).StatusCode);

        var list = await _window.GetFromJsonAsync<JsonElement>($"/api/cases/{_caseId}/materials");
        Assert.Single(list.EnumerateArray());
        Assert.Single(Directory.GetFiles(_host.MaterialsPath, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AFile_IsTypedByItsBytes_NeverByWhatItClaims()
    {
        var html = Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>");
        var disguised = await UploadAsync(_window, Form(html, "scan.pdf"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, disguised.StatusCode);
        Assert.Equal("application/problem+json", disguised.Content.Headers.ContentType?.MediaType);

        var mismatch = await UploadAsync(_window, Form(Pdf, "photo.png", "image/png"));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("application/pdf", await mismatch.Content.ReadAsStringAsync());

        var jpeg = await UploadAsync(_window, Form([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], "id-card.jpeg", "image/jpg"));
        Assert.Equal(HttpStatusCode.Created, jpeg.StatusCode);
        Assert.Equal("image/jpeg", (await jpeg.Content.ReadFromJsonAsync<JsonElement>()).Str("contentType"));

        var png = await UploadAsync(_window, Form(Png, "photo", null));
        Assert.Equal(HttpStatusCode.Created, png.StatusCode);
        Assert.Equal("photo.png", (await png.Content.ReadFromJsonAsync<JsonElement>()).Str("fileName"));

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry("OFD.xml").Open();
            await entry.WriteAsync("<ofd:OFD/>"u8.ToArray());
        }

        var ofd = await UploadAsync(_window, Form(zip.ToArray(), "licence.ofd", "application/octet-stream"));
        Assert.Equal(HttpStatusCode.Created, ofd.StatusCode);
        Assert.Equal("application/ofd", (await ofd.Content.ReadFromJsonAsync<JsonElement>()).Str("contentType"));
    }

    [Fact]
    public async Task AFileOverTheCap_OrForAMaterialNotListed_IsRefused_AndNothingIsKept()
    {
        var big = Pdf.Concat(new byte[5000]).ToArray();
        var tooLarge = await UploadAsync(_window, Form(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);

        var unlisted = await UploadAsync(_window, Form(Pdf, material: "营业执照副本"));
        Assert.Equal(HttpStatusCode.BadRequest, unlisted.StatusCode);
        Assert.Contains("material", (await unlisted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        Assert.Empty((await _window.GetFromJsonAsync<JsonElement>($"/api/cases/{_caseId}/materials")).EnumerateArray());
        Assert.False(Directory.Exists(_host.MaterialsPath) && Directory.EnumerateFiles(_host.MaterialsPath, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task TheApplicant_UploadsForTheirOwnCase_AndAHandler_MayReadButNotUpload()
    {
        var applicant = await _host.LoginAsync("applicant1");
        var own = (await applicant.CreateCaseAsync()).Id();

        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(applicant, Form(Pdf), own)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(applicant, Form(Pdf))).StatusCode); // the clerk's case, not theirs
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/api/cases/{_caseId}/materials")).StatusCode);

        var handler = await _host.LoginAsync("handler1");
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(handler, Form(Pdf), own)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync($"/api/cases/{own}/materials")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/api/cases/{own}/materials/{new string('a', 64)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/api/cases/{own}/materials/..%2F..%2Fappsettings.json")).StatusCode);
    }
}
