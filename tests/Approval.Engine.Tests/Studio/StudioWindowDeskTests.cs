using Approval.Designer.Services;
using Approval.Engine.Storage;
using Approval.Engine.Tests.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Studio;

/// <summary>The window desk's engine side (<see cref="IWindowDesk"/>) on the sample hall, called as the page calls it: in process, with the clerk's principal.</summary>
public sealed class StudioWindowDeskTests(SampleHallHost hall) : IClassFixture<SampleHallHost>
{
    private const string FoodLicence = "452624-XK-SCJG-001"; // promised, market-regulation: W01 accepts it
    private const string SoleTrader = "452624-XK-SCJG-003";  // instant, market-regulation: W01 decides it on the spot

    private ApprovalHost Host => hall.Host;

    private IWindowDesk Desk => Host.Services.GetRequiredService<IWindowDesk>();

    [Fact]
    public async Task TheItems_AreThoseTheClerksWindowMayAccept_WithTheirGuide()
    {
        var window1 = await Host.PrincipalAsync("window1");
        List<string> granted;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
            granted = await db.WindowGrants.Where(g => g.MayAccept && db.Windows.Any(w => w.Id == g.WindowId && w.Number == "W01"))
                .Select(g => g.ItemCode).OrderBy(c => c).ToListAsync();
        }

        var items = await Desk.ItemsAsync(window1, null);

        Assert.Equal(granted, items.Select(i => i.Code).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(items, i => i.Code == "452624-GG-RS-001"); // another window's item
        var food = Assert.Single(items, i => i.Code == FoodLicence);
        Assert.Equal(("食品经营许可", 20, 7, false, false), (food.Name, food.StatutoryLimit, food.PromisedLimit, food.Instant, food.MayDecideOnTheSpot));
        Assert.Contains(food.Materials, m => m.Name == "食品经营许可申请书" && m.Required && m.Originals == 1);
        Assert.Contains("食品安全法", food.LegalBasis);
        Assert.True(Assert.Single(items, i => i.Code == SoleTrader).MayDecideOnTheSpot);
    }

    [Theory]
    [InlineData("食品经营", FoodLicence)]
    [InlineData("XK-SCJG-001", FoodLicence)]
    [InlineData("市场监督", FoodLicence)]
    public async Task TheItems_AreFound_ByName_Code_OrDepartment(string search, string found)
    {
        var items = await Desk.ItemsAsync(await Host.PrincipalAsync("window1"), search);

        Assert.Contains(items, i => i.Code == found);
        Assert.All(items, i => Assert.True(i.Name.Contains(search) || i.Code.Contains(search) || i.DepartmentName.Contains(search)));
    }

    [Fact]
    public async Task AClerkAtNoWindow_HasNoItems()
    {
        Assert.Empty(await Desk.ItemsAsync(await Host.PrincipalAsync("handler1"), null));
    }

    [Fact]
    public async Task FilingWithABadIdNumber_AnswersTheFieldError_AndFilesNothing()
    {
        var before = await Host.CasesOfAsync(FoodLicence);

        var filing = await Desk.FileAsync(await Host.PrincipalAsync("window1"), new DeskApplication(
            FoodLicence, new DeskApplicant(false, "李四", "452628199001011235", null, null, "13800000000"), []));

        Assert.Null(filing.CaseId);
        Assert.StartsWith("身份证号码不正确", filing.Problems!.At("applicant.idNumber"));
        Assert.Null(filing.Problems.At("applicant.name"));
        Assert.Equal(before, await Host.CasesOfAsync(FoodLicence));
    }

    [Fact]
    public async Task AnItemAnotherWindowServes_IsRefused_AsAMessage()
    {
        var filing = await Desk.FileAsync(await Host.PrincipalAsync("window1"), new DeskApplication(
            "452624-GG-RS-001", new DeskApplicant(false, "李四", null, null, null, null), []));

        Assert.Null(filing.CaseId);
        Assert.Contains("does not serve item", filing.Problems!.Message);
    }

    [Fact]
    public async Task AnAcceptedApplication_IsNumbered_AndInTheClerksCasesOfToday()
    {
        var window1 = await Host.PrincipalAsync("window1");
        var food = (await Desk.ItemsAsync(window1, FoodLicence)).Single();
        var all = food.Materials.Where(m => m.Required).Select(m => new DeskSupplied(m.Name, m.Originals, m.Copies)).ToList();

        var filing = await Desk.FileAsync(window1, new DeskApplication(
            FoodLicence, new DeskApplicant(false, "李四", "452628199001011234", null, null, "13800000000"), all));
        var accepted = await Desk.CompleteAsync(window1, filing.AcceptTaskId!.Value, new DeskCompletion("Accepted", Materials: all));

        Assert.Null(accepted.Problems);
        Assert.StartsWith("452624-20260302-", filing.Number);
        Assert.Equal(6, filing.QueryCode!.Length);
        var today = Assert.Single(await Desk.TodayAsync(window1), c => c.Id == filing.CaseId);
        Assert.Equal((filing.Number, "食品经营许可", "李四", "Running"), (today.Number, today.ItemName, today.ApplicantName, today.Status));
        Assert.DoesNotContain(await Desk.TodayAsync(await Host.PrincipalAsync("window2")), c => c.Id == filing.CaseId);
    }

    [Fact]
    public async Task ACorrection_ListsEveryMissingRequiredMaterial_EvenOneWithBracketsInItsName_AndOnlyOnce()
    {
        var window1 = await Host.PrincipalAsync("window1");
        var food = (await Desk.ItemsAsync(window1, FoodLicence)).Single();
        var filing = await Desk.FileAsync(window1, new DeskApplication(FoodLicence, new DeskApplicant(false, "李四", null, null, null, null), []));
        var required = food.Materials.Where(m => m.Required).Select(m => m.Name).ToList();

        var partial = await Desk.CompleteAsync(window1, filing.AcceptTaskId!.Value, new DeskCompletion("NeedsCorrection", MissingMaterials: required.Skip(1).ToList()));
        Assert.Contains(required[0], partial.Problems!.At("missingMaterials"));

        // The guard: 法定代表人（负责人）身份证明 was once cut at its own bracket and never counted as listed.
        Assert.Contains(required, m => m.Contains('（'));
        var notice = await Desk.CompleteAsync(window1, filing.AcceptTaskId.Value, new DeskCompletion("NeedsCorrection", MissingMaterials: required));
        Assert.Null(notice.Problems);
    }

    [Fact]
    public async Task OnTheSpot_TheClerkDecides_AndIssuesTheCertificate_InTheSameVisit()
    {
        var window1 = await Host.PrincipalAsync("window1");
        var item = (await Desk.ItemsAsync(window1, SoleTrader)).Single();
        var all = item.Materials.Where(m => m.Required).Select(m => new DeskSupplied(m.Name, m.Originals, m.Copies)).ToList();
        var filing = await Desk.FileAsync(window1, new DeskApplication(SoleTrader, new DeskApplicant(false, "王五", null, null, null, "13900000000"), all));

        var accepted = await Desk.CompleteAsync(window1, filing.AcceptTaskId!.Value, new DeskCompletion("Accepted", Materials: all));
        var decide = Assert.Single(accepted.Opened);
        Assert.Equal(("Decide", "WindowStaff"), (decide.ActivityType, decide.Role));

        var denied = await Desk.CompleteAsync(window1, decide.Id, new DeskCompletion("Deny"));
        Assert.Equal("不予许可须写明理由（comment）。", denied.Problems!.At("comment"));

        var certify = Assert.Single((await Desk.CompleteAsync(window1, decide.Id, new DeskCompletion("Grant", "当场准予"))).Opened);
        Assert.Equal("Certify", certify.ActivityType);
        var issued = await Desk.CompleteAsync(window1, certify.Id, new DeskCompletion("Issued"));

        Assert.Equal(("Completed", "Approved"), (issued.CaseStatus, issued.CaseResult));
    }

    [Fact]
    public async Task AScan_IsHandedIn_ForAMaterialOfTheCase_AsAFileOfAnAllowedType()
    {
        var window1 = await Host.PrincipalAsync("window1");
        var filing = await Desk.FileAsync(window1, new DeskApplication(FoodLicence, new DeskApplicant(false, "李四", null, null, null, null), []));
        var pdf = "%PDF-1.4\n%desk scan\n"u8.ToArray();

        Assert.Null(await Desk.UploadAsync(window1, filing.CaseId!.Value, new DeskScan("食品经营许可申请书", "申请书.pdf", "application/pdf", pdf)));
        Assert.Contains("is not one of this case's materials",
            (await Desk.UploadAsync(window1, filing.CaseId.Value, new DeskScan("无关材料", "a.pdf", "application/pdf", pdf)))!.At("material"));
        Assert.Contains("PDF、JPEG、PNG 或 OFD",
            (await Desk.UploadAsync(window1, filing.CaseId.Value, new DeskScan("食品经营许可申请书", "a.txt", "text/plain", "hello"u8.ToArray())))!.Message);
        await using var scope = Host.Services.CreateAsyncScope();
        var kept = await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().CaseMaterials.Where(m => m.CaseId == filing.CaseId).ToListAsync();
        Assert.Equal(("食品经营许可申请书", "application/pdf", "window1"), (Assert.Single(kept).MaterialName, kept[0].ContentType, kept[0].UploaderName));
    }

    [Fact]
    public async Task AConsultation_NeedsItsQuestion()
    {
        var window1 = await Host.PrincipalAsync("window1");

        Assert.StartsWith("请用一句话记下咨询的问题", (await Desk.ConsultAsync(window1, " ", FoodLicence))!.At("question"));
        Assert.Null(await Desk.ConsultAsync(window1, "食品经营许可要带哪些材料？", FoodLicence));
    }
}
