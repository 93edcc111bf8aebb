using Approval.Activities.Contract;
using Approval.Activities.Flow;
using Approval.Activities.Tests.Support;

namespace Approval.Activities.Tests.Flow;

public sealed class EndTests
{
    [Theory]
    [InlineData(EndResults.Approved)]
    [InlineData(EndResults.Denied)]
    [InlineData(EndResults.Refused)]
    public async Task Execute_EndsWithItsResult(string endResult)
    {
        var result = await new End { Result = endResult }.ExecuteAsync(Contexts.For());

        Assert.Equal(new ActivityResult.Ended(endResult), result);
    }

    [Fact]
    public async Task Execute_EndsAsCompleted_ByDefault()
    {
        var result = await new End().ExecuteAsync(Contexts.For());

        Assert.Equal(new ActivityResult.Ended(EndResults.Completed), result);
    }
}
