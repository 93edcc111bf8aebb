using Approval.Activities.Contract;
using Approval.Activities.Flow;
using Approval.Activities.Tests.Support;

namespace Approval.Activities.Tests.Flow;

public sealed class StartTests
{
    [Fact]
    public async Task Execute_GoesOnAlongDone()
    {
        var result = await new Start().ExecuteAsync(Contexts.For());

        Assert.Equal(new ActivityResult.Completed(Outcomes.Done), result);
    }
}
