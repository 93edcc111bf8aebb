using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Cases;

namespace Approval.Engine.Tests.Cases;

/// <summary>The applicant's details: identity numbers by GB 11643, credit codes by GB 32100, phones; each problem at its field.</summary>
public sealed class ApplicantRulesTests
{
    [Theory]
    [InlineData("452628199001011234", true)]
    [InlineData("45262819900101123x", false)] // the check digit is 4
    [InlineData("452628199001011235", false)]
    [InlineData("452628199002301234", false)] // 30 February
    [InlineData("45262819900101123", false)]
    [InlineData("11010519491231002X", true)]
    public void AnIdentityNumber_IsCheckedByItsCheckDigitAndBirthDate(string id, bool valid) =>
        Assert.Equal(valid, ApplicantRules.IsIdNumber(id));

    [Theory]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("9144030071526726XG", true)]
    [InlineData("91350100M000100Y44", false)]
    [InlineData("91350100M000100YI3", false)] // I is not in the code's set
    [InlineData("91350100M000100Y4", false)]
    public void ACreditCode_IsCheckedByItsCheckCharacter(string code, bool valid) =>
        Assert.Equal(valid, ApplicantRules.IsCreditCode(code));

    [Theory]
    [InlineData("13800000000", true)]
    [InlineData("0776-3822345", true)]
    [InlineData("07763822345", true)]
    [InlineData("12800000000", false)]
    [InlineData("3822345", false)]
    public void APhone_IsAMobileOrALandlineWithItsAreaCode(string phone, bool valid) =>
        Assert.Equal(valid, ApplicantRules.IsPhone(phone));

    [Fact]
    public async Task AnApplicationWithBadDetails_IsRefused_AtEachField_AndNothingIsFiled()
    {
        await using var host = new ApprovalHost();
        var window = await host.LoginAsync("window1");
        var itemCode = await host.ItemForAsync("standard-licence");
        var before = (await window.GetFromJsonAsync<JsonElement>("/api/cases")).GetArrayLength();

        var response = await window.PostAsJsonAsync("/api/cases", new
        {
            itemCode,
            applicant = new { name = "", idNumber = "452628199001011235", phone = "123" },
        });
        var organisation = await window.PostAsJsonAsync("/api/cases", new
        {
            itemCode,
            applicant = new { kind = "organisation", name = "德保县某某食品有限公司" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["applicant.idNumber", "applicant.name", "applicant.phone"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("GB 11643", errors.GetProperty("applicant.idNumber")[0].GetString());
        Assert.True((await organisation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("applicant.creditCode", out _));
        Assert.Equal(before, (await window.GetFromJsonAsync<JsonElement>("/api/cases")).GetArrayLength());
    }
}
