using System.Text;
using Approval.Engine.Audit;
using Approval.Engine.Catalogue;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Catalogue;

/// <summary>The catalogue's write use cases as the API calls them, without a request.</summary>
public sealed class CatalogueUseCasesTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // A subtle failure this guards against: a caller who may not write being told which rules the item breaks.
    [Theory]
    [InlineData("head1")]
    [InlineData("window1")]
    [InlineData("applicant1")]
    public async Task CreateItem_RefusesAnyoneButAnAdministrator_BeforeCheckingTheItem(string userName)
    {
        var user = await _host.PrincipalAsync(userName);
        var broken = Item("UC-FORBIDDEN") with { PromisedLimit = 19 };

        var result = await _host.RunAsync<CreateItem, Result<CatalogueItem>>(u => u.RunAsync(new(broken), user, default));

        Assert.IsType<Refusal.Forbidden>(result.Refusal);
        Assert.False(await ExistsAsync("UC-FORBIDDEN"));
    }

    [Fact]
    public async Task CreateItem_ReturnsInvalid_AtThePromisedLimit_WhenItBreaksTheThirtyPercentRule()
    {
        var admin = await _host.PrincipalAsync("admin");

        var result = await _host.RunAsync<CreateItem, Result<CatalogueItem>>(u => u.RunAsync(new(Item("UC-70") with { PromisedLimit = 15 }), admin, default));

        var invalid = Assert.IsType<Refusal.Invalid>(result.Refusal);
        Assert.Equal("The catalogue item is not valid.", invalid.Title);
        Assert.Contains(invalid.Errors, e => e.Field == "promisedLimit" && e.Message.Contains("70%", StringComparison.Ordinal));
        Assert.False(await ExistsAsync("UC-70"));
    }

    [Fact]
    public async Task CreateItem_RecordsTheCallerItWasGiven_OutsideARequest()
    {
        var admin = await _host.PrincipalAsync("admin");

        var result = await _host.RunAsync<CreateItem, Result<CatalogueItem>>(u => u.RunAsync(new(Item("UC-AUDIT")), admin, default));

        Assert.True(result.Succeeded);
        await using var scope = _host.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().AuditLog
            .SingleAsync(e => e.Action == AuditActions.CatalogueItemCreated && e.ResourceId == "UC-AUDIT");
        Assert.Equal("admin", entry.ActorName);
    }

    [Fact]
    public async Task UpdateItem_ReturnsInvalid_AtTheCode_WhenTheBodyNamesAnotherItem()
    {
        var admin = await _host.PrincipalAsync("admin");

        var result = await _host.RunAsync<UpdateItem, Result<CatalogueItem>>(u => u.RunAsync(new("UC-THIS", Item("UC-OTHER")), admin, default));

        var invalid = Assert.IsType<Refusal.Invalid>(result.Refusal);
        Assert.Equal("code", Assert.Single(invalid.Errors).Field);
    }

    [Fact]
    public async Task RemoveItem_RefusesASupervisor_AndFindsNoUnknownItemForAnAdministrator()
    {
        var refused = await _host.RunAsync<RemoveItem, Result<CatalogueItem>>(
            async u => await u.RunAsync(new("UC-NONE"), await _host.PrincipalAsync("supervisor1"), default));
        var missing = await _host.RunAsync<RemoveItem, Result<CatalogueItem>>(
            async u => await u.RunAsync(new("UC-NONE"), await _host.PrincipalAsync("admin"), default));

        Assert.IsType<Refusal.Forbidden>(refused.Refusal);
        Assert.IsType<Refusal.NotFound>(missing.Refusal);
    }

    [Fact]
    public async Task ImportCatalogue_RefusesAClerk_BeforeReadingTheFile_AndTellsAnAdministratorWhatIsWrongWithIt()
    {
        var notASheet = new ImportCatalogueCommand("photo.png", "image/png", Encoding.Latin1.GetBytes("\x89PNG\r\n\x1a\n"));

        var refused = await _host.RunAsync<ImportCatalogue, Result<ImportResult>>(
            async u => await u.RunAsync(notASheet, await _host.PrincipalAsync("window1"), default));
        var bad = await _host.RunAsync<ImportCatalogue, Result<ImportResult>>(
            async u => await u.RunAsync(notASheet, await _host.PrincipalAsync("admin"), default));

        Assert.IsType<Refusal.Forbidden>(refused.Refusal);
        var file = Assert.IsType<CatalogueFileRefusal>(bad.Refusal);
        Assert.Equal("The file cannot be imported.", file.Title);
        Assert.Contains("photo.png", file.Detail, StringComparison.Ordinal);
        Assert.Empty(file.Rows);
    }

    private static CatalogueItem Item(string code) => new()
    {
        Code = code,
        Name = "食品经营许可（测试）",
        ItemType = "01",
        Department = "market-regulation",
        DepartmentName = "德保县市场监督管理局",
        StatutoryLimit = 20,
        PromisedLimit = 10,
        CaseKind = CaseKind.Promised,
        DefinitionId = "standard-licence",
    };

    private async Task<bool> ExistsAsync(string code)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().PowerItems.AnyAsync(i => i.Code == code);
    }
}
