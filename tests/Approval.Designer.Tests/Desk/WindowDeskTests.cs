using System.Security.Claims;
using Approval.Designer.Desk;
using Approval.Designer.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Designer.Tests.Desk;

public sealed class WindowDeskTests
{
    [Fact]
    public async Task Dump()
    {
        var desk = new FakeWindowDesk();
        desk.Items.Add(FakeWindowDesk.Item("452624-XK-SCJG-001", "食品经营许可", ("申请书", true), ("营业执照", true), ("委托书", false)));
        await using var context = DesignerContext.Create(s => s.AddSingleton<IWindowDesk>(desk));
        var page = context.Render<WindowDesk>(p => p
            .AddCascadingValue(Task.FromResult(new AuthenticationState(new ClaimsPrincipal())))
            .AddCascadingValue(DesignerContext.Chinese));
        page.Find("[data-code]").Click();
        File.WriteAllText("/tmp/desk.html", page.Markup);
    }
}
