using System.Text.Json;
using System.Text.RegularExpressions;
using Approval.Activities.Contract;
using Approval.Activities.Flow;
using Approval.Activities.Human;
using Approval.Activities.Registry;
using static Approval.Activities.Tests.Support.Flows;

namespace Approval.Activities.Tests.Registry;

public sealed partial class ActivityRegistryTests
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.Default;

    [Fact]
    public void Default_DescribesExactlyTheElevenActivityTypes() =>
        Assert.Equal(
            ["Accept", "Certify", "Decide", "Decision", "End", "Escalate", "Fork", "Join", "Review", "Start", "WindowAuthorization"],
            Registry.Descriptors.Select(d => d.Type).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("Start", "开始", "Start", ActivityCategories.Flow, "Done")]
    [InlineData("End", "结束", "End", ActivityCategories.Flow, "")]
    [InlineData("Fork", "并行分支", "Fork", ActivityCategories.Flow, "Done")]
    [InlineData("Join", "汇聚", "Join", ActivityCategories.Flow, "Done")]
    [InlineData("Decision", "条件判断", "Decision", ActivityCategories.Flow, "True,False")]
    [InlineData("Escalate", "督办升级", "Escalate", ActivityCategories.Supervision, "")]
    [InlineData("Accept", "受理", "Accept", ActivityCategories.Approval, "Accepted,NeedsCorrection,Refused")]
    [InlineData("Review", "审核", "Review", ActivityCategories.Approval, "Pass,Return,Reject")]
    [InlineData("Decide", "决定", "Decide", ActivityCategories.Approval, "Grant,Deny")]
    [InlineData("Certify", "发证", "Certify", ActivityCategories.Approval, "Issued")]
    [InlineData("WindowAuthorization", "窗口授权", "Window authorisation", ActivityCategories.Window, "OnTheSpot,Referred")]
    public void Find_DescribesType(string type, string displayName, string englishName, string category, string outcomes)
    {
        var descriptor = Registry.Find(type);

        Assert.NotNull(descriptor);
        Assert.Equal(type, descriptor.Type);
        Assert.Equal(displayName, descriptor.DisplayName);
        Assert.Equal(englishName, descriptor.EnglishName);
        Assert.Equal(category, descriptor.Category);
        Assert.Equal(outcomes.Split(',', StringSplitOptions.RemoveEmptyEntries), descriptor.Outcomes.Select(o => o.Name));
    }

    // A subtle failure this guards against: the engine and the clocks find the join, the acceptance and the
    // decision by purpose, so an activity that lost its purpose would silently stop joining or starting clocks.
    [Fact]
    public void EachPlatformPurpose_BelongsToExactlyTheActivityThatPlaysIt()
    {
        var byPurpose = Registry.Descriptors.Where(d => d.Purpose != ActivityPurpose.None).ToDictionary(d => d.Purpose, d => d.Type);

        Assert.Equal(
            new Dictionary<ActivityPurpose, string>
            {
                [ActivityPurpose.Start] = "Start",
                [ActivityPurpose.End] = "End",
                [ActivityPurpose.Fork] = "Fork",
                [ActivityPurpose.Join] = "Join",
                [ActivityPurpose.Acceptance] = Accept.TypeName,
                [ActivityPurpose.Decision] = Decide.TypeName,
            },
            byPurpose);
        Assert.Equal(Enum.GetValues<ActivityPurpose>().Length - 1, byPurpose.Count);
    }

    [Fact]
    public void Descriptors_HaveChineseNamesAndDescriptions()
    {
        Assert.All(Registry.Descriptors, d =>
        {
            Assert.Matches(Chinese(), d.DisplayName);
            Assert.Matches(Chinese(), d.Description);
            Assert.All(d.Outcomes, o => Assert.Matches(Chinese(), o.DisplayName));
            Assert.All(d.Properties, p => Assert.Matches(Chinese(), p.DisplayName));
        });
    }

    [Theory]
    [InlineData("Accept", Roles.WindowStaff)]
    [InlineData("Review", Roles.DepartmentHandler)]
    [InlineData("Decide", Roles.DepartmentHead)]
    [InlineData("Certify", Roles.WindowStaff)]
    public void HumanActivity_HasRoleWithDefault_AndDepartment(string type, string defaultRole)
    {
        var descriptor = Registry.Find(type)!;

        Assert.True(descriptor.IsHuman);
        Assert.Equal(["department", "limitDays", "role"], descriptor.Properties.Select(p => p.Name).Order(StringComparer.Ordinal));
        var role = descriptor.Properties.Single(p => p.Name == "role");
        Assert.Equal(PropertyKind.Role, role.Kind);
        Assert.True(role.Required);
        Assert.Equal(Roles.All, role.Options);
        Assert.Equal(defaultRole, role.DefaultValue);
        var department = descriptor.Properties.Single(p => p.Name == "department");
        Assert.Equal(PropertyKind.Department, department.Kind);
        Assert.False(department.Required);
        Assert.Null(department.DefaultValue);
        var limit = descriptor.Properties.Single(p => p.Name == "limitDays");
        Assert.Equal(PropertyKind.Number, limit.Kind);
        Assert.False(limit.Required);
        Assert.Null(limit.DefaultValue);
    }

    [Theory]
    [InlineData("5", null)]
    [InlineData("0", "between 1 and 365")]
    [InlineData("400", "between 1 and 365")]
    [InlineData("2.5", "whole number")]
    [InlineData("\"5\"", "must be a number")]
    public void StepLimit_IsAWholeNumberOfWorkingDaysFrom1To365(string json, string? error)
    {
        var descriptor = Registry.Find("Review")!;
        var values = new Dictionary<string, System.Text.Json.JsonElement> { ["limitDays"] = System.Text.Json.JsonDocument.Parse(json).RootElement };

        var problems = ActivityRegistry.CheckProperties(descriptor, values).Select(p => p.Message).ToList();

        if (error is null)
        {
            Assert.Empty(problems);
            var activity = (Approval.Activities.Human.HumanActivity)ActivityRegistry.Create(descriptor, values);
            Assert.Equal(5, activity.LimitDays);
        }
        else
        {
            Assert.Contains(problems, p => p.Contains(error));
        }
    }

    [Theory]
    [InlineData("Start")]
    [InlineData("End")]
    [InlineData("Fork")]
    [InlineData("Join")]
    [InlineData("Decision")]
    [InlineData("WindowAuthorization")]
    public void FlowActivity_IsNotHuman(string type) => Assert.False(Registry.Find(type)!.IsHuman);

    [Fact]
    public void Decision_HasRequiredCondition()
    {
        var condition = Assert.Single(Registry.Find("Decision")!.Properties);

        Assert.Equal("condition", condition.Name);
        Assert.Equal(PropertyKind.Condition, condition.Kind);
        Assert.True(condition.Required);
    }

    [Fact]
    public void End_HasResultChoice_DefaultingToCompleted()
    {
        var result = Assert.Single(Registry.Find("End")!.Properties);

        Assert.Equal("result", result.Name);
        Assert.Equal(PropertyKind.Choice, result.Kind);
        Assert.Equal(
            [EndResults.Approved, EndResults.Denied, EndResults.Refused, EndResults.Rejected, EndResults.Completed],
            result.Options);
        Assert.Equal(EndResults.Completed, result.DefaultValue);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("Approve")]
    [InlineData("")]
    public void Find_ReturnsNull_ForTypeNotInTheRegistry(string type) => Assert.Null(Registry.Find(type));

    [Fact]
    public void Create_BindsHumanActivityProperties()
    {
        var activity = ActivityRegistry.Create(
            Registry.Find("Review")!, Properties(new { role = Roles.DepartmentHead, department = "market-regulation" }));

        var review = Assert.IsType<Review>(activity);
        Assert.Equal(Roles.DepartmentHead, review.Role);
        Assert.Equal("market-regulation", review.Department);
    }

    [Fact]
    public void Create_BindsCondition()
    {
        var activity = ActivityRegistry.Create(Registry.Find("Decision")!, Properties(new { condition = "[amount] > 100" }));

        Assert.Equal("[amount] > 100", Assert.IsType<Decision>(activity).Condition);
    }

    [Fact]
    public void Create_BindsChoice()
    {
        var activity = ActivityRegistry.Create(Registry.Find("End")!, Properties(new { result = EndResults.Denied }));

        Assert.Equal(EndResults.Denied, Assert.IsType<End>(activity).Result);
    }

    [Fact]
    public void Create_KeepsDefaults_WhenValuesAreAbsentOrNull()
    {
        var values = new Dictionary<string, JsonElement> { ["department"] = JsonDocument.Parse("null").RootElement.Clone() };

        var accept = Assert.IsType<Accept>(ActivityRegistry.Create(Registry.Find("Accept")!, values));

        Assert.Equal(Roles.WindowStaff, accept.Role);
        Assert.Null(accept.Department);
    }

    [Theory]
    [InlineData("""{ "role": 5 }""")]
    [InlineData("""{ "role": "Janitor" }""")]
    public void Create_Throws_ForInvalidValue(string json)
    {
        var values = JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

        var error = Assert.Throws<ArgumentException>(() => ActivityRegistry.Create(Registry.Find("Review")!, values));
        Assert.StartsWith("Review.role:", error.Message);
    }

    [Fact]
    public void Create_GivesANewInstanceEachTime()
    {
        // Activities hold their configured values; sharing one instance between nodes would mix them up.
        var descriptor = Registry.Find("Review")!;

        var first = ActivityRegistry.Create(descriptor, Properties(new { department = "a" }));
        var second = ActivityRegistry.Create(descriptor, Properties(new { department = "b" }));

        Assert.Equal("a", Assert.IsType<Review>(first).Department);
        Assert.Equal("b", Assert.IsType<Review>(second).Department);
    }

    [Fact]
    public void CheckProperties_ReportsEachProblemByPropertyName()
    {
        var problems = ActivityRegistry.CheckProperties(
            Registry.Find("Review")!, Properties(new { role = "Janitor", department = 3, colour = "red" }));

        Assert.Equal(["colour", "department", "role"], problems.Select(p => p.Property).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Constructor_RejectsTypeWithoutActivityAttribute() =>
        Assert.Throws<ArgumentException>(() => new ActivityRegistry([typeof(string)]));

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
