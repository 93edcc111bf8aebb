using Approval.Activities.Contract;
using Approval.Activities.Flow;
using Approval.Activities.Tests.Support;

namespace Approval.Activities.Tests.Flow;

public sealed class JoinTests
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    public async Task Execute_Waits_UntilEveryInboundBranchHasArrived(int arrived, int inbound)
    {
        var result = await new Join().ExecuteAsync(Contexts.For(inbound: inbound, arrived: arrived));

        Assert.IsType<ActivityResult.Waiting>(result);
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(3, 2)]
    public async Task Execute_Joins_WhenEveryInboundBranchHasArrived(int arrived, int inbound)
    {
        var result = await new Join().ExecuteAsync(Contexts.For(inbound: inbound, arrived: arrived));

        Assert.Equal(ActivityResult.Join(Outcomes.Done), result);
    }
}
