using Approval.Engine.Deadlines;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Activities.Contract;
using Approval.Engine.Identity;
using Approval.Engine.Storage;
using Approval.Engine.Supervision;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Access;

/// <summary>
/// One host with a caller for every column of the access matrix, and the records the rows point at:
/// a market-regulation application filed on line by applicant1 and accepted at window W01 (so
/// handler1/head1 are its department, window1 its window, applicant1 its applicant; handler2/head2,
/// window2 and applicant2 are the others), cases with a pause and an extension request, an
/// administrator's try-out, a staff change, a warning and a notification.
/// </summary>
public sealed class AccessFixture : IAsyncLifetime
{
    public const string Collection = "Access";

    public const string Department = "market-regulation";
    public const string OtherDepartment = "housing-construction";

    /// <summary>The matrix's columns: anonymous, then a user of every role, with the scoped variants beside.</summary>
    public static readonly string[] Callers =
        ["anonymous", "admin", "supervisor1", "handler1", "head1", "handler2", "head2", "window1", "window2", "applicant1", "applicant2"];

    public ApprovalHost Host { get; } = new();

    public Dictionary<string, HttpClient> Clients { get; } = [];

    public string Item { get; private set; } = "";

    /// <summary>The application everyone is judged against, waiting at review (handler1's).</summary>
    public string Case { get; private set; } = "";

    public string ReviewTask { get; private set; } = "";

    /// <summary>The SHA-256 of a file applicant1 handed in for <see cref="Case"/>.</summary>
    public string Material { get; private set; } = "";

    /// <summary>The acceptance notice (受理通知书) of <see cref="Case"/>.</summary>
    public Guid Notice { get; private set; }

    public string PausedCase { get; private set; } = "";

    public long Pause { get; private set; }

    public string ExtensionCase { get; private set; } = "";

    public string TryOut { get; private set; } = "";

    public string StaffChange { get; private set; } = "";

    public string StaffChangeTask { get; private set; } = "";

    public long Warning { get; private set; }

    public long Notification { get; private set; }

    public JsonElement ItemJson { get; private set; }

    /// <summary>The catalogue as exported (CSV), for the import row.</summary>
    public byte[] CatalogueSheet { get; private set; } = [];

    public static object WindowBody(string number) => new
    {
        number,
        name = $"测试窗口 {number}",
        type = "Comprehensive",
        departments = new[] { new { department = Department, headAuthority = "MiddleChief" } },
        head = new { name = "黄海燕", title = "股长" },
        phone = "0776-3821201",
        supervisionPhone = "0776-3821234",
    };

    public static object ItemBody(string code) => new
    {
        code,
        name = $"测试事项 {code}",
        itemType = "01",
        department = Department,
        departmentName = Department,
        statutoryLimit = 20,
        promisedLimit = 10,
        caseKind = "Promised",
        definitionId = "standard-licence",
    };

    public object Application => new
    {
        itemCode = Item,
        applicant = new { name = "张三", phone = "13800000000" },
        materials = new[] { new { name = "申请书", originals = 1, copies = 0 } },
        data = new { amount = 1 },
    };

    public async Task InitializeAsync()
    {
        Clients["anonymous"] = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var applicant2 = new ApplicationUser { UserName = "applicant2", DisplayName = "申请人李四" };
            Assert.True((await users.CreateAsync(applicant2, ApprovalHost.Password)).Succeeded);
            await users.AddToRoleAsync(applicant2, Roles.Applicant);
        }

        foreach (var name in Callers.Skip(1))
        {
            Clients[name] = await LoginAsync(name);
        }

        var (admin, applicant, window, handler) = (Clients["admin"], Clients["applicant1"], Clients["window1"], Clients["handler1"]);
        Item = await Host.ItemForAsync("standard-licence", Department);
        ItemJson = await admin.GetFromJsonAsync<JsonElement>($"/api/catalogue/items/{Item}");
        CatalogueSheet = await admin.GetByteArrayAsync("/api/catalogue/export?format=csv");

        var filed = await FileAndAcceptAsync(applicant, window);
        (Case, ReviewTask) = (filed.Case, filed.Review);
        Material = (await Ok(await applicant.PostAsync($"/api/cases/{Case}/materials", Pdf("申请书")))).GetProperty("sha256").GetString()!;
        PausedCase = (await FileAndAcceptAsync(applicant, window)).Case;
        var paused = await Ok(await handler.PostAsJsonAsync($"/api/cases/{PausedCase}/pauses", new { kind = "Hearing", reason = "听证" }));
        Pause = paused.GetProperty("pauses")[0].GetProperty("id").GetInt64();
        ExtensionCase = (await FileAndAcceptAsync(applicant, window)).Case;
        await Ok(await handler.PostAsJsonAsync($"/api/cases/{ExtensionCase}/extension", new { reason = "需要补充论证" }));

        TryOut = (await Ok(await admin.PostAsJsonAsync("/api/cases", new { definitionId = "standard-licence" }))).Id();
        var change = await Ok(await Clients["head1"].PostAsJsonAsync(
            "/api/staff-changes", new { window = "W01", outgoing = "window1", incoming = "clerk1", reason = "调任" }));
        (StaffChange, StaffChangeTask) = (change.Id(), change.GetProperty("openTasks")[0].Id());

        await Ok(await admin.PostAsJsonAsync("/api/windows", WindowBody("W97")));
        await Ok(await admin.PostAsJsonAsync("/api/windows", WindowBody("W98")));
        await Ok(await admin.PostAsJsonAsync("/api/catalogue/items", ItemBody("MX-DEL")));

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
            var now = Host.Clock.GetUtcNow();
            var warning = new Warning
            {
                Key = "access-matrix", CaseId = Guid.Parse(Case), Kind = TimerKind.Yellow, Severity = Severity.Yellow,
                Department = Department, DueAt = now, RecordedAt = now, EscalatedToRole = Roles.DepartmentHead,
            };
            db.Warnings.Add(warning);
            var notification = new Notification { UserName = "supervisor1", Title = "测试", Body = "测试", CreatedAt = now };
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            (Warning, Notification) = (warning.Id, notification.Id);
            Notice = await db.CaseNotices.Where(n => n.CaseId == Guid.Parse(Case)).Select(n => n.Id).SingleAsync();
            Assert.True(await db.Cases.AnyAsync(c => c.Id == Guid.Parse(Case) && c.AcceptedWindow == "W01"));
        }
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A small PDF handed in as the given material.</summary>
    internal static MultipartFormDataContent Pdf(string material)
    {
        var file = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
        file.Headers.ContentType = new("application/pdf");
        return new MultipartFormDataContent { { new StringContent(material), "material" }, { file, "file", "申请书.pdf" } };
    }

    // Redirects are answers too: the matrix reads them rather than following them.
    private async Task<HttpClient> LoginAsync(string userName)
    {
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        ApprovalHost.Hosts.AddOrUpdate(client, Host);
        var login = await Ok(await client.PostAsJsonAsync("/api/auth/login", new { userName, password = ApprovalHost.Password }));
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<(string Case, string Review)> FileAndAcceptAsync(HttpClient applicant, HttpClient window)
    {
        Assert.True(ApprovalHost.Hosts.TryGetValue(applicant, out var host));
        var item = await host.ItemForAsync("standard-licence", Department);
        var filed = await Ok(await applicant.PostAsJsonAsync("/api/cases", new
        {
            itemCode = item,
            applicant = new { name = "张三" },
            materials = new[] { new { name = "申请书", originals = 1, copies = 0 } },
            data = new { amount = 1 },
        }));
        var accepted = await window.CompleteOkAsync(filed.OpenTask("accept"), "Accepted");
        return (filed.Id(), accepted.GetProperty("openedTasks")[0].Id());
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

[CollectionDefinition(AccessFixture.Collection)]
public sealed class AccessCollection : ICollectionFixture<AccessFixture>;
