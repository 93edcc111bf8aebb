using Approval.Activities.Definitions;
using Approval.Engine.Definitions;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Definitions;

/// <summary>The draft and publish use cases as the API and the designer call them, without a request.</summary>
public sealed class DefinitionUseCasesTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // A subtle failure this guards against: a caller who may not write learning from the answer what is wrong with their flow.
    [Theory]
    [InlineData("handler1")]
    [InlineData("supervisor1")]
    [InlineData("applicant1")]
    public async Task CreateDraft_RefusesAnyoneButAnAdministrator_BeforeLookingAtTheDefinition(string userName)
    {
        var user = await _host.PrincipalAsync(userName);
        var nameless = await FlowAsync("use-case-nameless") with { Name = "" };

        var result = await _host.RunAsync<CreateDraft, Result<DefinitionDocument>>(u => u.RunAsync(new(nameless), user, default));

        Assert.IsType<Refusal.Forbidden>(result.Refusal);
        Assert.False(await StoredAsync("use-case-nameless"));
    }

    [Fact]
    public async Task CreateDraft_ReturnsInvalidDefinition_AtTheName_WhenTheFlowHasNone()
    {
        var admin = await _host.PrincipalAsync("admin");
        var nameless = await FlowAsync("use-case-nameless") with { Name = "" };

        var result = await _host.RunAsync<CreateDraft, Result<DefinitionDocument>>(u => u.RunAsync(new(nameless), admin, default));

        var invalid = Assert.IsType<Refusal.InvalidDefinition>(result.Refusal);
        Assert.Contains(invalid.Errors, e => e.Path == "/name");
        Assert.False(await StoredAsync("use-case-nameless"));
    }

    [Fact]
    public async Task CreateDraft_ReturnsConflict_WhenTheFlowHasADraftAlready()
    {
        var admin = await _host.PrincipalAsync("admin");
        var flow = await FlowAsync("use-case-twice");

        var first = await _host.RunAsync<CreateDraft, Result<DefinitionDocument>>(u => u.RunAsync(new(flow), admin, default));
        var second = await _host.RunAsync<CreateDraft, Result<DefinitionDocument>>(u => u.RunAsync(new(flow), admin, default));

        Assert.True(first.Succeeded);
        Assert.Equal(1, first.Value!.Definition.Version);
        Assert.IsType<Refusal.Conflict>(second.Refusal);
    }

    [Fact]
    public async Task UpdateDraft_ReturnsInvalid_AtTheDefinitionId_WhenTheBodyNamesAnotherFlow()
    {
        var admin = await _host.PrincipalAsync("admin");
        var flow = await FlowAsync("use-case-other");

        var result = await _host.RunAsync<UpdateDraft, Result<DefinitionDocument>>(u => u.RunAsync(new("use-case-this", flow), admin, default));

        var invalid = Assert.IsType<Refusal.Invalid>(result.Refusal);
        Assert.Equal("/definitionId", Assert.Single(invalid.Errors).Field);
    }

    [Fact]
    public async Task PublishDefinition_RefusesAHead_AndFindsNoDraftForAnAdministrator()
    {
        var refused = await _host.RunAsync<PublishDefinition, Result<DefinitionDocument>>(
            async u => await u.RunAsync(new("standard-licence"), await _host.PrincipalAsync("head1"), default));
        var missing = await _host.RunAsync<PublishDefinition, Result<DefinitionDocument>>(
            async u => await u.RunAsync(new("standard-licence"), await _host.PrincipalAsync("admin"), default));

        Assert.IsType<Refusal.Forbidden>(refused.Refusal);
        Assert.IsType<Refusal.NotFound>(missing.Refusal);
    }

    private static async Task<WorkflowDefinition> FlowAsync(string definitionId) =>
        WorkflowJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(ApprovalHost.WorkflowsFolder, "standard-licence.json")))
            with { DefinitionId = definitionId };

    private async Task<bool> StoredAsync(string definitionId)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().Definitions.AnyAsync(d => d.DefinitionId == definitionId);
    }
}
