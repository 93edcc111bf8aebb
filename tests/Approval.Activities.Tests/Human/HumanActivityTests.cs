using Approval.Activities.Contract;
using Approval.Activities.Human;
using Approval.Activities.Tests.Support;

namespace Approval.Activities.Tests.Human;

public sealed class HumanActivityTests
{
    public static TheoryData<string, string> DefaultRoles() => new()
    {
        { nameof(Accept), Roles.WindowStaff },
        { nameof(Review), Roles.DepartmentHandler },
        { nameof(Decide), Roles.DepartmentHead },
        { nameof(Certify), Roles.WindowStaff },
    };

    [Theory]
    [MemberData(nameof(DefaultRoles))]
    public async Task Execute_WaitsForATaskOfItsDefaultRole(string type, string role)
    {
        var result = await Create(type).ExecuteAsync(Contexts.For(department: "case-department"));

        Assert.Equal(role, Assert.IsType<ActivityResult.WaitingForTask>(result).Role);
    }

    [Theory]
    [InlineData(Roles.WindowStaff)]
    [InlineData(Roles.DepartmentHandler)]
    [InlineData(Roles.DepartmentHead)]
    public async Task Execute_UsesItsOwnDepartment_WhenSet(string role)
    {
        var review = new Review { Role = role, Department = "market-regulation" };

        var result = await review.ExecuteAsync(Contexts.For(department: "case-department"));

        Assert.Equal(new ActivityResult.WaitingForTask(role, "market-regulation"), result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Execute_UsesTheCaseDepartment_ForADepartmentRole_WhenItsOwnIsBlank(string? department)
    {
        var result = await new Review { Department = department }.ExecuteAsync(Contexts.For(department: "case-department"));

        Assert.Equal(new ActivityResult.WaitingForTask(Roles.DepartmentHandler, "case-department"), result);
    }

    [Fact]
    public async Task Execute_UsesTheCaseDepartment_ForADepartmentHead_WhenItsOwnIsBlank()
    {
        var result = await new Decide().ExecuteAsync(Contexts.For(department: "case-department"));

        Assert.Equal(new ActivityResult.WaitingForTask(Roles.DepartmentHead, "case-department"), result);
    }

    [Theory]
    [InlineData(nameof(Accept))]
    [InlineData(nameof(Certify))]
    public async Task Execute_LeavesAWindowStepToAnyDepartment_WhenItsOwnIsBlank(string type)
    {
        var result = await Create(type).ExecuteAsync(Contexts.For(department: "case-department"));

        Assert.Equal(new ActivityResult.WaitingForTask(Roles.WindowStaff, null), result);
    }

    [Fact]
    public async Task Execute_LeavesDepartmentEmpty_WhenNeitherHasOne()
    {
        var result = await new Review().ExecuteAsync(Contexts.For(department: null));

        Assert.Equal(new ActivityResult.WaitingForTask(Roles.DepartmentHandler, null), result);
    }

    private static HumanActivity Create(string type) => type switch
    {
        nameof(Accept) => new Accept(),
        nameof(Review) => new Review(),
        nameof(Decide) => new Decide(),
        nameof(Certify) => new Certify(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
