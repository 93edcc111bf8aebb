using Approval.Activities.Conditions;

namespace Approval.Activities.Tests.Conditions;

public sealed class CaseConditionTests
{
    private static readonly IReadOnlyDictionary<string, object?> Variables = CaseVariables.Flatten("""
        {
          "amount": 150,
          "licence": 9007199254740993,
          "rate": 0.25,
          "major": true,
          "note": null,
          "applicant": { "type": "企业", "address": { "city": "杭州" } }
        }
        """);

    [Theory]
    [InlineData("[amount] > 100", true)]
    [InlineData("[amount] > 200", false)]
    [InlineData("[amount] = 150", true)]
    [InlineData("[amount] >= 150 and [amount] < 151", true)]
    [InlineData("[amount] > 149.5", true)]
    [InlineData("[amount] / 100 = 1.5", true)]
    [InlineData("[amount] in (100, 150)", true)]
    [InlineData("[licence] = 9007199254740993", true)]
    [InlineData("[licence] = 9007199254740992", false)]
    [InlineData("[rate] < 0.3", true)]
    [InlineData("[rate] * 4 = 1", true)]
    [InlineData("[major]", true)]
    [InlineData("not [major]", false)]
    [InlineData("[applicant.type] = '企业'", true)]
    [InlineData("[applicant.type] = '个人'", false)]
    [InlineData("[applicant.address.city] = '杭州' and [amount] > 100", true)]
    [InlineData("[amount] > 1000000 or [applicant.type] = '个人'", false)]
    [InlineData("[note] = null", true)]
    [InlineData("if([major], [amount] > 100, false)", true)]
    public void Evaluate_ComparesFlattenedVariables(string condition, bool expected) =>
        Assert.Equal(expected, CaseCondition.Evaluate(condition, Variables));

    [Theory]
    [InlineData("[amount] + 1")]
    [InlineData("[applicant.type]")]
    [InlineData("'yes'")]
    [InlineData("[note]")]
    public void Evaluate_Throws_WhenResultIsNotBoolean(string condition)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CaseCondition.Evaluate(condition, Variables));

        Assert.Contains(condition, error.Message);
    }

    [Theory]
    [InlineData("[missing] > 1")]
    [InlineData("[applicant] = '企业'")]
    [InlineData("[applicant.kind] = '企业'")]
    public void Evaluate_Throws_WhenVariableIsNotDefined(string condition) =>
        Assert.Throws<InvalidOperationException>(() => CaseCondition.Evaluate(condition, Variables));

    [Fact]
    public void Evaluate_Throws_WhenConditionDoesNotParse() =>
        Assert.Throws<InvalidOperationException>(() => CaseCondition.Evaluate("[amount] >", Variables));

    [Theory]
    [InlineData("[amount] > 100")]
    [InlineData("[applicant.type] = '企业' and ([amount] >= 1000000 or [major])")]
    [InlineData("true")]
    public void Check_AcceptsWellFormedCondition(string condition) => Assert.Null(CaseCondition.Check(condition));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("[amount] >")]
    [InlineData("((")]
    [InlineData("[amount] > 100 and")]
    [InlineData("'unterminated")]
    public void Check_RejectsConditionThatDoesNotParse(string? condition) => Assert.NotNull(CaseCondition.Check(condition));

    [Fact]
    public void Check_RejectsConditionLongerThanTheLimit()
    {
        var condition = "[amount] > 1" + new string(' ', CaseCondition.MaxLength);

        Assert.Contains(CaseCondition.MaxLength.ToString(), CaseCondition.Check(condition));
    }

    [Fact]
    public void Check_AcceptsConditionOfExactlyTheLimit()
    {
        var condition = "[amount] > 1" + new string(' ', CaseCondition.MaxLength - "[amount] > 1".Length);

        Assert.Null(CaseCondition.Check(condition));
    }

    [Fact]
    public void Check_RefusesNestingPastTheDepthLimit_BeforeParsing_AndEvaluateRefusesItToo()
    {
        // A stack overflow in the parser would kill the whole process, not just fail this condition.
        var depth = (CaseCondition.MaxLength - "true".Length) / 2;
        var condition = new string('(', depth) + "true" + new string(')', depth);

        Assert.Contains(CaseCondition.MaxDepth.ToString(), CaseCondition.Check(condition));
        Assert.Throws<InvalidOperationException>(() => CaseCondition.Evaluate(condition, Variables));
    }

    [Fact]
    public void Check_AcceptsNestingOfExactlyTheDepthLimit()
    {
        var condition = new string('(', CaseCondition.MaxDepth) + "[amount] > 0" + new string(')', CaseCondition.MaxDepth);

        Assert.Null(CaseCondition.Check(condition));
        Assert.True(CaseCondition.Evaluate(condition, Variables));
    }

    [Fact]
    public void Check_RefusesAConditionOfTooManySteps_SayingHowMany()
    {
        // Short enough for the length limit, but every "1+" is two more steps to evaluate.
        var condition = string.Concat(Enumerable.Repeat("1+", CaseCondition.MaxSteps / 2 + 1)) + "1 > 0";

        var error = CaseCondition.Check(condition);

        Assert.NotNull(error);
        Assert.Contains($"at most {CaseCondition.MaxSteps}", error);
        Assert.Throws<InvalidOperationException>(() => CaseCondition.Evaluate(condition, Variables));
    }

    [Theory]
    [InlineData("System.IO.File.Delete('{0}')")]
    [InlineData("File.Delete('{0}')")]
    [InlineData("Delete('{0}')")]
    [InlineData("[amount].GetType().Assembly.Location = '{0}'")]
    [InlineData("typeof(System.IO.File).GetMethod('Delete').Invoke(null, ['{0}'])")]
    [InlineData("new System.IO.FileInfo('{0}').Delete()")]
    public void Condition_CannotCallDotNet(string template)
    {
        // The sandbox promise: an administrator's condition reads case data and nothing else. The file
        // named in the condition is real, so if anything were executed it would be gone.
        var file = Path.GetTempFileName();
        try
        {
            var condition = string.Format(template, file);

            var rejected = CaseCondition.Check(condition) is not null;
            if (!rejected)
            {
                Assert.Throws<InvalidOperationException>(() => CaseCondition.Evaluate(condition, Variables));
            }

            Assert.True(File.Exists(file), $"'{condition}' deleted a file.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Check_RejectsAFunctionConditionsMayNotUse_AtDesignTime()
    {
        var error = CaseCondition.Check("Delete('x') = true");

        Assert.NotNull(error);
        Assert.Contains("Delete", error);
        Assert.Null(CaseCondition.Check("Max([amount], 10) > 5 and [type] in ('a', 'b')"));
    }
}
