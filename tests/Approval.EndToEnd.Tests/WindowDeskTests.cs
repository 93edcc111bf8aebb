using Microsoft.Playwright;

namespace Approval.EndToEnd.Tests;

/// <summary>A clerk at window W01 receives an application at the desk (/desk), from finding the item to its case number.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WindowDeskTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AClerk_FindsTheItem_TypesTheApplicant_TicksTheMaterials_AndAccepts()
    {
        var page = await OpenDeskAsync();
        await using var shot = BrowserFixture.ScreenshotOnFailure(page, "window-desk-failed");

        await FindAsync(page, "食品经营许可", "452624-XK-SCJG-001");
        await TypeApplicantAsync(page);
        var required = page.Locator("[data-testid=desk-checklist] tr[data-required=true] input[data-testid=material-received]");
        for (var i = 0; i < await required.CountAsync(); i++)
        {
            await required.Nth(i).CheckAsync(new LocatorCheckOptions { Force = true });
        }

        await page.Locator("[data-testid=outcome-accept]").ClickAsync();

        var number = page.Locator("[data-testid=desk-number]");
        await number.WaitForAsync();
        Assert.StartsWith("452624-", (await number.InnerTextAsync()).Trim());
        Assert.Equal(6, (await page.Locator("[data-testid=desk-query-code]").InnerTextAsync()).Trim().Length);
        Assert.Contains("已受理", await page.Locator("[data-testid=desk-outcome]").InnerTextAsync());
        await page.Locator("[data-testid=desk-today] a", new PageLocatorOptions { HasText = (await number.InnerTextAsync()).Trim() }).WaitForAsync();
        await page.Locator("[data-testid=desk-notice]", new PageLocatorOptions { HasText = "受理通知书" }).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "window-desk-accepted");
        shot.Passed();
        await page.Context.CloseAsync();
    }

    // The platform's main use, in the browser only: the window accepts, the handler sees the task arrive and passes it,
    // the head grants, the window issues the certificate; each step from its own page.
    [Fact]
    public async Task OneApplication_FromTheDesk_ToTheCertificate_ByThreePeople_InTheBrowser()
    {
        var handler = await fixture.SignInAsync("handler1", "/inbox");
        await handler.Locator("[data-testid=inbox]").WaitForAsync();
        var desk = await OpenDeskAsync();
        await using var shot = BrowserFixture.ScreenshotOnFailure(desk, "one-case-failed");

        await FindAsync(desk, "食品经营许可", "452624-XK-SCJG-001");
        await TypeApplicantAsync(desk);
        var required = desk.Locator("[data-testid=desk-checklist] tr[data-required=true] input[data-testid=material-received]");
        for (var i = 0; i < await required.CountAsync(); i++)
        {
            await required.Nth(i).CheckAsync(new LocatorCheckOptions { Force = true });
        }

        await desk.Locator("[data-testid=outcome-accept]").ClickAsync();
        var number = (await desk.Locator("[data-testid=desk-number]").InnerTextAsync()).Trim();

        // The handler's inbox, open all along, shows the new task without a reload.
        await Walk(handler, number, "Pass", "one-case-2-review");

        // Another test may have put a second review before the decision: the handler walks it too.
        var head = await fixture.SignInAsync("head1", "/inbox");
        var row = head.Locator("[data-testid=inbox] tbody tr", new PageLocatorOptions { HasText = number });
        for (var extra = 0; extra < 2 && !await row.IsVisibleAsync(); extra++)
        {
            await handler.GotoAsync("/inbox");
            if (await handler.Locator("[data-testid=inbox] tbody tr", new PageLocatorOptions { HasText = number }).CountAsync() > 0)
            {
                await Walk(handler, number, "Pass", null);
            }

            await head.GotoAsync("/inbox");
            await head.Locator("[data-testid=inbox]").WaitForAsync();
        }

        await Walk(head, number, "Grant", "one-case-3-decide");

        // Back at the window: the certificate, from the window's own inbox.
        await desk.GotoAsync("/inbox");
        await Walk(desk, number, "Issued", "one-case-4-certify");
        await desk.GotoAsync("/cases");
        var done = desk.Locator("[data-testid=case-list] tbody tr", new PageLocatorOptions { HasText = number });
        await done.WaitForAsync();
        Assert.Contains("已办结（准予许可）", await done.InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(desk, "one-case-5-case-list");
        await done.Locator("[data-testid=case-number]").ClickAsync();
        await desk.Locator("[data-testid=case-notices]").WaitForAsync();
        Assert.Contains("许可证", await desk.Locator("[data-testid=case-notices]").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(desk, "one-case-6-case-viewer");
        shot.Passed();
        await handler.Context.CloseAsync();
        await head.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }

    // Opens the case's task from the inbox on the page and completes it with the outcome.
    private static async Task Walk(IPage page, string number, string outcome, string? screenshot)
    {
        var row = page.Locator("[data-testid=inbox] tbody tr", new PageLocatorOptions { HasText = number });
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await row.Locator("[data-testid=inbox-case-number]").ClickAsync();
        await page.Locator($"button[data-outcome={outcome}]").WaitForAsync();
        if (screenshot is not null)
        {
            await BrowserFixture.ScreenshotAsync(page, screenshot);
        }

        await page.Locator($"button[data-outcome={outcome}]").ClickAsync();
        await page.Locator("[data-testid=task-done]").WaitForAsync();
    }

    [Fact]
    public async Task ACorrection_ListsTheRequiredMaterialsNotTicked()
    {
        var page = await OpenDeskAsync();
        await using var shot = BrowserFixture.ScreenshotOnFailure(page, "window-desk-correction-failed");

        await FindAsync(page, "食品经营许可", "452624-XK-SCJG-001");
        await TypeApplicantAsync(page);
        var required = page.Locator("[data-testid=desk-checklist] tr[data-required=true] input[data-testid=material-received]");
        await required.Nth(0).CheckAsync(new LocatorCheckOptions { Force = true });
        await required.Nth(1).CheckAsync(new LocatorCheckOptions { Force = true });

        await page.Locator("[data-testid=outcome-correction]").ClickAsync();
        var list = page.Locator("textarea[data-testid=missing-materials]");
        await list.WaitForAsync();
        var missing = await list.InputValueAsync();
        Assert.Contains("法定代表人（负责人）身份证明", missing);
        Assert.DoesNotContain("食品经营许可申请书", missing);
        Assert.DoesNotContain("授权委托书", missing); // not required: not asked for
        await BrowserFixture.ScreenshotAsync(page, "window-desk-correction");

        await page.Locator("[data-testid=confirm-correction]").ClickAsync();
        await page.Locator("[data-testid=desk-outcome]", new PageLocatorOptions { HasText = "已一次性告知补正" }).WaitForAsync();
        Assert.StartsWith("452624-", (await page.Locator("[data-testid=desk-number]").InnerTextAsync()).Trim());

        // The notice printed on the spot names exactly the materials the list named.
        var notice = page.Locator("[data-testid=desk-notice]", new PageLocatorOptions { HasText = "一次性补正告知书" });
        await notice.WaitForAsync();
        var pdf = await page.APIRequest.GetAsync((await notice.GetAttributeAsync("href"))!);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        var text = PdfText(await pdf.BodyAsync());
        var listed = missing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(listed, m => Assert.Contains(m, text));
        Assert.DoesNotContain("食品经营许可申请书", text); // handed in: not asked for
        shot.Passed();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnInstantItem_IsDecidedAndCertifiedOnTheSpot_InTheSameVisit()
    {
        var page = await OpenDeskAsync();
        await using var shot = BrowserFixture.ScreenshotOnFailure(page, "window-desk-on-the-spot-failed");

        await FindAsync(page, "个体工商户", "452624-XK-SCJG-003");
        await TypeApplicantAsync(page);
        var required = page.Locator("[data-testid=desk-checklist] tr[data-required=true] input[data-testid=material-received]");
        for (var i = 0; i < await required.CountAsync(); i++)
        {
            await required.Nth(i).CheckAsync(new LocatorCheckOptions { Force = true });
        }

        await page.Locator("[data-testid=outcome-accept]").ClickAsync();
        await page.Locator("[data-testid=decide-panel]").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "window-desk-on-the-spot");

        await page.Locator("[data-testid=decide-grant]").ClickAsync();
        await page.Locator("[data-testid=certify-issued]").ClickAsync();

        await page.Locator("[data-testid=desk-outcome]", new PageLocatorOptions { HasText = "已办结（准予许可）" }).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "window-desk-certified");
        shot.Passed();
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenDeskAsync()
    {
        var page = await fixture.SignInAsync("window1", "/desk");
        await page.SetViewportSizeAsync(1400, 900);
        await page.Locator("[data-testid=window-desk]").WaitForAsync();
        return page;
    }

    private static async Task FindAsync(IPage page, string name, string code)
    {
        await page.Locator("input[data-testid=desk-search]").FillAsync(name);

        // The list is filtered after a pause in typing: click once it has been, not while it re-renders.
        await Assertions.Expect(page.Locator("[data-testid=desk-items] [data-code]")).ToHaveCountAsync(1);
        var item = page.Locator($"[data-testid=desk-items] [data-code=\"{code}\"]");
        await item.ClickAsync();
        await page.Locator("[data-testid=desk-guide]").WaitForAsync();
    }

    private static async Task TypeApplicantAsync(IPage page)
    {
        await page.Locator("input[data-testid=applicant-name]").FillAsync("李四");
        await page.Locator("input[data-testid=applicant-id-number]").FillAsync("452628199001011234");
        await page.Locator("input[data-testid=applicant-phone]").FillAsync("13800000000");
        await page.Locator("input[data-testid=applicant-phone]").PressAsync("Tab");
    }

    // The PDF's text, as poppler's pdftotext reads it (installed by .ci/run; a missing one fails the test).
    private static string PdfText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"desk-notice-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            Assert.True(File.Exists("/usr/bin/pdftotext"), "pdftotext is missing: apt-get install poppler-utils");
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/pdftotext", ["-raw", file, "-"])
            {
                RedirectStandardOutput = true,
            })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text.Replace("\n", "", StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
