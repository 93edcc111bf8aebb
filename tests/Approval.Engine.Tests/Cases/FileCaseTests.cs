using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Approval.Engine.Cases;
using Approval.Engine.Catalogue;
using Approval.Engine.Identity;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Cases;

/// <summary>Filing a case (<see cref="FileCase"/>): its refusals, over HTTP and as the use case answers them, and the limits a case runs to.</summary>
public sealed class FileCaseTests : IAsyncLifetime
{
    private readonly ApprovalHost _host = new();
    private string _item = "";

    public async Task InitializeAsync() => _item = await _host.ItemForAsync("standard-licence");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task File_IsInvalid_WhenTheItemDoesNotExist()
    {
        var window = await _host.LoginAsync("window1");

        var response = await window.PostAsJsonAsync("/api/cases", new { itemCode = "NO-SUCH-ITEM" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("There is no item 'NO-SUCH-ITEM' in force", errors.GetProperty("itemCode")[0].GetString());
    }

    [Theory]
    [InlineData("handler1", false, "Applications are filed by applicants or at a window")]
    [InlineData("supervisor1", false, "Applications are filed by applicants or at a window")]
    [InlineData("admin", false, "Applications are filed by applicants or at a window")]
    [InlineData("window1", true, "Only administrators may start a flow without an item")]
    [InlineData("applicant1", true, "Only administrators may start a flow without an item")]
    public async Task File_IsForbidden_ToACallerWhoMayNotFileThatKind(string caller, bool tryOut, string why)
    {
        var client = await _host.LoginAsync(caller);
        var before = await CaseCountAsync();

        var response = await client.PostAsJsonAsync("/api/cases", tryOut ? new { definitionId = "standard-licence" } : (object)new { itemCode = _item });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(why, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task File_IsInvalid_WhereAFieldIsWrong_AndFilesNothing()
    {
        var window = await _host.LoginAsync("window1");
        var before = await CaseCountAsync();

        var response = await window.PostAsJsonAsync("/api/cases", new { itemCode = _item, materials = new[] { new { name = "", originals = 1 } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("name of at most 200 characters", errors.GetProperty("materials[0]")[0].GetString());
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task TheUseCase_AnswersEachRefusal_AsItsKind()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var file = scope.ServiceProvider.GetRequiredService<FileCase>();

        var forbidden = await file.RunAsync(new FileCaseCommand(ItemCode: _item), await UserAsync("handler1"), default);
        var unknown = await file.RunAsync(new FileCaseCommand(ItemCode: "NO-SUCH-ITEM"), await UserAsync("window1"), default);
        var noFlow = await file.RunAsync(new FileCaseCommand(DefinitionId: "no-such-flow"), await UserAsync("admin"), default);
        var filed = await file.RunAsync(
            new FileCaseCommand(ItemCode: _item, Applicant: System.Text.Json.JsonSerializer.SerializeToElement(new { name = "李四" })), await UserAsync("window1"), default);
        var noApplicant = await file.RunAsync(new FileCaseCommand(ItemCode: _item), await UserAsync("window1"), default);

        Assert.IsType<Refusal.Forbidden>(forbidden.Refusal);
        Assert.Equal("itemCode", Assert.Single(Assert.IsType<Refusal.Invalid>(unknown.Refusal).Errors).Field);
        Assert.Equal("definitionId", Assert.Single(Assert.IsType<Refusal.Invalid>(noFlow.Refusal).Errors).Field);
        Assert.True(filed.Succeeded);
        Assert.Equal("applicant", Assert.Single(Assert.IsType<Refusal.Invalid>(noApplicant.Refusal).Errors).Field);
        Assert.Equal(_item, filed.Value!.ItemCode);
    }

    [Theory]
    [InlineData(false, 9, 9)]
    [InlineData(true, 9, 5)]
    [InlineData(true, 10, 5)]
    [InlineData(true, 0, 0)]
    public void ACase_RunsToTheItemsLimits_HalvedForAMajorProject(bool majorProject, int promised, int expected)
    {
        var item = new PowerItem
        {
            Code = "X", Name = "X", ItemType = "01", Department = "d", DepartmentName = "d", DefinitionId = "f",
            StatutoryLimit = 20, PromisedLimit = promised, CaseKind = CaseKind.Promised, ExtensionDays = 10, WarningPercent = 80,
        };
        var @case = new Case { CreatedBy = "u", MajorProject = majorProject };

        @case.RunsTo(item);

        Assert.Equal((20, expected, 10, 80, CaseKind.Promised), (@case.StatutoryLimit, @case.PromisedLimit, @case.ExtensionDays, @case.WarningPercent, @case.Kind));
    }

    private async Task<int> CaseCountAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().Cases.CountAsync();
    }

    private async Task<ClaimsPrincipal> UserAsync(string userName)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        return new ClaimsPrincipal(new ClaimsIdentity(TokenService.For(user, await users.GetRolesAsync(user)), "test", "name", "role"));
    }
}
