using System.Security.Claims;
using Approval.Designer.Desk;
using Approval.Designer.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Designer.Tests.Desk;

/// <summary>The window desk (窗口受理台) against a fake platform: search, errors under the fields, the correction list, the case number.</summary>
public sealed class WindowDeskTests : IAsyncDisposable
{
    private const string FoodLicence = "452624-XK-SCJG-001";

    private readonly FakeWindowDesk _desk = new();
    private readonly BunitContext _context;

    public WindowDeskTests()
    {
        _desk.Items.Add(FakeWindowDesk.Item(FoodLicence, "食品经营许可", ("食品经营许可申请书", true), ("营业执照", true), ("法定代表人（负责人）身份证明", true),
            ("授权委托书", false)));
        _desk.Items.Add(FakeWindowDesk.Item("452624-XK-SCJG-003", "个体工商户设立登记", ("经营者居民身份证", true)));
        _context = DesignerContext.Create(s => s.AddSingleton<IWindowDesk>(_desk));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void TheSearch_ShowsOnlyTheItemsThatMatch()
    {
        var page = Render();
        Assert.Equal(2, page.FindAll("[data-testid=desk-items] [data-code]").Count);

        page.Find("input[data-testid=desk-search]").Input("食品");

        page.WaitForAssertion(() => Assert.Equal([FoodLicence], page.FindAll("[data-testid=desk-items] [data-code]").Select(e => e.GetAttribute("data-code"))));
        Assert.Contains("食品", _desk.Searches);
    }

    [Fact]
    public void TheApplicantsProblems_ShowUnderTheirFields_InChinese_AndNothingIsCompleted()
    {
        _desk.File = _ => new DeskFiling(null, null, null, null, new DeskProblems(new Dictionary<string, string>
        {
            ["applicant.name"] = "须填写申请人姓名（至多 100 字）。",
            ["applicant.idNumber"] = "身份证号码不正确：须为 18 位，出生日期有效，末位校验码符合 GB 11643。",
        }));
        var page = Render();
        page.Find($"[data-code=\"{FoodLicence}\"]").Click();
        page.Find("input[data-testid=applicant-id-number]").Change("452628199001011235");

        page.Find("button[data-testid=outcome-accept]").Click();

        page.WaitForAssertion(() => Assert.Equal("须填写申请人姓名（至多 100 字）。", HelperOf(page, "applicant-name")));
        Assert.StartsWith("身份证号码不正确", HelperOf(page, "applicant-id-number"));
        Assert.Empty(HelperOf(page, "applicant-phone"));
        Assert.Equal("452628199001011235", _desk.Filed.Single().Applicant.IdNumber);
        Assert.Empty(_desk.Completed);
        Assert.Empty(page.FindAll("[data-testid=desk-result]"));
    }

    [Fact]
    public void TheCorrectionList_IsPrefilled_WithTheRequiredMaterialsNotTicked()
    {
        var page = Render();
        page.Find($"[data-code=\"{FoodLicence}\"]").Click();
        page.Find("tr[data-material=\"营业执照\"] input[data-testid=material-received]").Change(true);

        page.Find("button[data-testid=outcome-correction]").Click();

        var listed = page.Find("textarea[data-testid=missing-materials]").GetAttribute("value") ?? page.Find("textarea[data-testid=missing-materials]").TextContent;
        Assert.Equal(["食品经营许可申请书", "法定代表人（负责人）身份证明"], listed.Split('\n'));
    }

    [Fact]
    public void ACorrection_SendsTheListAndTheTickedMaterials_ToTheAcceptStep()
    {
        var page = Render();
        page.Find($"[data-code=\"{FoodLicence}\"]").Click();
        page.Find("tr[data-material=\"营业执照\"] input[data-testid=material-received]").Change(true);
        page.Find("button[data-testid=outcome-correction]").Click();

        page.Find("button[data-testid=confirm-correction]").Click();

        page.WaitForAssertion(() => Assert.Contains("已一次性告知补正", page.Find("[data-testid=desk-outcome]").TextContent));
        var completion = _desk.Completed.Single();
        Assert.Equal("NeedsCorrection", completion.Outcome);
        Assert.Equal(["食品经营许可申请书", "法定代表人（负责人）身份证明"], completion.MissingMaterials);
        Assert.Equal(["营业执照"], completion.Materials!.Select(m => m.Name));
    }

    [Fact]
    public void ARefusalsProblems_ShowUnderTheReasonAndTheLegalBasis_AndTheApplicationIsFiledOnce()
    {
        _desk.Complete = (_, _) => new DeskStepResult(null, null, [], new DeskProblems(new Dictionary<string, string>
        {
            ["legalBasis"] = "不予受理须写明法律依据（legalBasis）。",
        }));
        var page = Render();
        page.Find($"[data-code=\"{FoodLicence}\"]").Click();
        page.Find("button[data-testid=outcome-refusal]").Click();
        page.Find("textarea[data-testid=refusal-reason]").Change("申请事项不属于本机关职权范围");

        page.Find("button[data-testid=confirm-refusal]").Click();
        page.WaitForAssertion(() => Assert.Equal("不予受理须写明法律依据（legalBasis）。", HelperOf(page, "refusal-legal-basis")));
        Assert.Contains("已收件，尚未办结受理", page.Find("[data-testid=desk-outcome]").TextContent);
        page.Find("button[data-testid=confirm-refusal]").Click();

        page.WaitForAssertion(() => Assert.Equal(2, _desk.Completed.Count));
        Assert.Single(_desk.Filed); // pressed again, the application already filed is completed, not filed anew
        Assert.Equal(("Refused", "申请事项不属于本机关职权范围"), (_desk.Completed[0].Outcome, _desk.Completed[0].Comment));
    }

    [Fact]
    public void ASuccessfulAcceptance_ShowsTheCaseNumberAndQueryCode()
    {
        var page = Render();
        page.Find($"[data-code=\"{FoodLicence}\"]").Click();
        page.Find("input[data-testid=applicant-name]").Change("李四");
        page.Find("input[data-testid=applicant-phone]").Change("13800000000");

        page.Find("button[data-testid=outcome-accept]").Click();

        page.WaitForAssertion(() => Assert.Equal("452624-20260302-0001", page.Find("[data-testid=desk-number]").TextContent.Trim()));
        Assert.Equal("K7P2QX", page.Find("[data-testid=desk-query-code]").TextContent.Trim());
        Assert.Contains("已受理", page.Find("[data-testid=desk-outcome]").TextContent);
        Assert.Equal("Accepted", _desk.Completed.Single().Outcome);
        Assert.Equal("李四", _desk.Filed.Single().Applicant.Name);
    }

    [Fact]
    public void OnTheSpot_TheDecisionAndTheCertificate_FollowTheAcceptance()
    {
        var decide = new DeskTask(Guid.NewGuid(), "Decide", "当场决定", "WindowStaff");
        var certify = new DeskTask(Guid.NewGuid(), "Certify", "发证", "WindowStaff");
        _desk.Complete = (_, c) => c.Outcome switch
        {
            "Accepted" => new DeskStepResult("Running", null, [decide]),
            "Grant" => new DeskStepResult("Running", null, [certify]),
            _ => new DeskStepResult("Completed", "Approved", []),
        };
        var page = Render();
        page.Find("[data-code=\"452624-XK-SCJG-003\"]").Click();
        page.Find("button[data-testid=outcome-accept]").Click();

        page.WaitForAssertion(() => page.Find("button[data-testid=decide-grant]").Click());
        page.WaitForAssertion(() => page.Find("button[data-testid=certify-issued]").Click());

        page.WaitForAssertion(() => Assert.Contains("已办结（准予许可）", page.Find("[data-testid=desk-outcome]").TextContent));
        Assert.Equal(["Accepted", "Grant", "Issued"], _desk.Completed.Select(c => c.Outcome));
    }

    [Fact]
    public void TheCertificate_OfAChargedItem_TakesTheFeeAndReceipt_WithTheirErrorsUnderTheFields()
    {
        var certify = new DeskTask(Guid.NewGuid(), "Certify", "发证", "WindowStaff");
        _desk.Items[1] = _desk.Items[1] with { Fee = new DeskFee(true, "每证20元", "发改价格〔2003〕2322号") };
        _desk.Complete = (_, c) => c.Outcome switch
        {
            "Accepted" => new DeskStepResult("Running", null, [certify]),
            _ when c.FeeReceipt is null => new DeskStepResult(null, null, [], new DeskProblems(new Dictionary<string, string>
            {
                ["feeReceipt"] = "收取费用须填写票据号（feeReceipt）。",
            })),
            _ => new DeskStepResult("Completed", "Approved", []),
        };
        var page = Render();
        page.Find("[data-code=\"452624-XK-SCJG-003\"]").Click();
        page.Find("button[data-testid=outcome-accept]").Click();
        page.WaitForAssertion(() => page.Find("input[data-testid=certify-fee]").Change("20"));

        page.Find("button[data-testid=certify-issued]").Click();
        page.WaitForAssertion(() => Assert.Equal("收取费用须填写票据号（feeReceipt）。", HelperOf(page, "certify-receipt")));
        page.Find("input[data-testid=certify-receipt]").Change("No.0012345");
        page.Find("button[data-testid=certify-issued]").Click();

        page.WaitForAssertion(() => Assert.Contains("已办结（准予许可）", page.Find("[data-testid=desk-outcome]").TextContent));
        Assert.Equal((20m, "No.0012345"), (_desk.Completed[^1].Fee, _desk.Completed[^1].FeeReceipt));
    }

    [Fact]
    public void AProblemAtAFieldThePageDoesNotShow_IsInTheAlert()
    {
        _desk.File = _ => new DeskFiling(null, null, null, null, new DeskProblems(new Dictionary<string, string>
        {
            ["itemCode"] = "There is no item '452624-XK-SCJG-001' in force to apply for.",
        }));
        var page = Render();
        page.Find($"[data-code=\"{FoodLicence}\"]").Click();

        page.Find("button[data-testid=outcome-accept]").Click();

        page.WaitForAssertion(() => Assert.Contains("in force to apply for", page.Find("[data-testid=desk-problem]").TextContent));
    }

    private IRenderedComponent<WindowDesk> Render() => _context.Render<WindowDesk>(p => p
        .AddCascadingValue(Task.FromResult(new AuthenticationState(new ClaimsPrincipal())))
        .AddCascadingValue(DesignerContext.Chinese));

    /// <summary>The helper line under a field: where MudBlazor shows its error text.</summary>
    private static string HelperOf(IRenderedComponent<WindowDesk> page, string testId) =>
        page.Find($"[data-testid={testId}]").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";
}
