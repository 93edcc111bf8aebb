using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Validation;
using static Approval.Activities.Tests.Support.Flows;

namespace Approval.Activities.Tests.Validation;

public sealed partial class DefinitionValidatorTests
{
    [Fact]
    public void Validate_ReportsPropertyOfTheWrongJsonKind()
    {
        var definition = WithStep(Node("review", "Review", new { role = 5 }));

        Assert.Equal([("invalid-property", "/activities/1/properties/role", "review", null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsRoleThatIsNotAKnownRole()
    {
        var definition = WithStep(Node("review", "Review", new { role = "Janitor" }));

        Assert.Equal([("invalid-property", "/activities/1/properties/role", "review", null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsRoleThatIsBlank()
    {
        var definition = WithStep(Node("review", "Review", new { role = " " }));

        Assert.Equal([("invalid-property", "/activities/1/properties/role", "review", null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsTextLongerThanTheLimit()
    {
        var definition = WithStep(Node("review", "Review", new { department = new string('d', 2001) }));

        Assert.Equal([("invalid-property", "/activities/1/properties/department", "review", null)], Errors(definition));
    }

    [Fact]
    public void Validate_AcceptsRoleAndDepartmentOfAHumanActivity()
    {
        var definition = WithStep(Node("review", "Review", new { role = "DepartmentHead", department = "market-regulation" }));

        Assert.Empty(Validate(definition));
    }

    [Fact]
    public void Validate_ReportsChoiceNotInItsOptions()
    {
        var definition = Minimal() with { Activities = [Node("start", "Start"), Node("end", "End", new { result = "Maybe" })] };

        Assert.Equal([("invalid-property", "/activities/1/properties/result", "end", null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsUnknownProperty()
    {
        var definition = Minimal() with { Activities = [Node("start", "Start", new { colour = "red" }), Node("end", "End")] };

        Assert.Equal([("invalid-property", "/activities/0/properties/colour", "start", null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsConditionThatDoesNotParse()
    {
        var definition = WithDecision(new { condition = "[amount] >" });

        Assert.Equal([("invalid-property", "/activities/1/properties/condition", "decision", null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsMissingRequiredCondition()
    {
        var definition = WithDecision(null);

        Assert.Equal([("invalid-property", "/activities/1/properties/condition", "decision", null)], Errors(definition));
    }

    [Fact]
    public void Validate_AcceptsConditionThatParses()
    {
        var definition = WithDecision(new { condition = "[amount] > 100 and [applicant.type] = '企业'" });

        Assert.Empty(Validate(definition));
    }

    /// <summary>Start → <paramref name="review"/> (a Review) whose three outcomes all lead to End.</summary>
    private static WorkflowDefinition WithStep(ActivityNode review) =>
        Definition(
            [Node("start", "Start"), review, Node("end", "End")],
            [
                Link("start", "Done", review.Id),
                Link(review.Id, "Pass", "end"), Link(review.Id, "Return", "end"), Link(review.Id, "Reject", "end"),
            ]);

    [Fact]
    public void Validate_ReportsAConditionOverTheStepLimit_AtItsActivityAndProperty()
    {
        var definition = WithDecision(new { condition = string.Concat(Enumerable.Repeat("1+", 151)) + "1 > 0" });

        Assert.Equal([("invalid-property", "/activities/1/properties/condition", "decision", null)], Errors(definition));
        Assert.Contains("steps", Assert.Single(DefinitionValidator.Validate(definition, ActivityRegistry.Default)).Message);
    }

    /// <summary>Start → Decision with <paramref name="properties"/>, True and False each to an End.</summary>
    private static WorkflowDefinition WithDecision(object? properties) =>
        Definition(
            [Node("start", "Start"), Node("decision", "Decision", properties), Node("yes", "End"), Node("no", "End")],
            [Link("start", "Done", "decision"), Link("decision", "True", "yes"), Link("decision", "False", "no")]);
}
