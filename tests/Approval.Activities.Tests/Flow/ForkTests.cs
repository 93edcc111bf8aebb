using Approval.Activities.Contract;
using Approval.Activities.Flow;
using Approval.Activities.Tests.Support;

namespace Approval.Activities.Tests.Flow;

public sealed class ForkTests
{
    [Fact]
    public async Task Execute_ForksAlongDone()
    {
        var result = await new Fork().ExecuteAsync(Contexts.For());

        Assert.Equal(new ActivityResult.Forked(Outcomes.Done), result);
    }
}
