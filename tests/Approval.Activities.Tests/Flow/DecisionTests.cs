using Approval.Activities.Conditions;
using Approval.Activities.Contract;
using Approval.Activities.Flow;
using Approval.Activities.Tests.Support;

namespace Approval.Activities.Tests.Flow;

public sealed class DecisionTests
{
    private static readonly IReadOnlyDictionary<string, object?> Variables =
        CaseVariables.Flatten("""{ "amount": 150, "applicant": { "type": "企业" } }""");

    [Theory]
    [InlineData("[amount] > 100 and [applicant.type] = '企业'", Outcomes.True)]
    [InlineData("[amount] > 1000", Outcomes.False)]
    public async Task Execute_TakesTheOutcomeOfItsCondition(string condition, string outcome)
    {
        var result = await new Decision { Condition = condition }.ExecuteAsync(Contexts.For(variables: Variables));

        Assert.Equal(new ActivityResult.Completed(outcome), result);
    }

    [Fact]
    public async Task Execute_Throws_WhenTheConditionCannotBeEvaluated() =>
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await new Decision { Condition = "[missing] > 1" }.ExecuteAsync(Contexts.For(variables: Variables)));
}
