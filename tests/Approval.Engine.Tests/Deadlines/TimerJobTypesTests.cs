using Approval.Engine.Deadlines;

namespace Approval.Engine.Tests.Deadlines;

public sealed class TimerJobTypesTests
{
    // Jobs already in Hangfire's storage name their types as they were when scheduled: a rename of the
    // namespace must not leave them undeserialisable (they would fail, and only the sweep would catch their warnings).
    [Theory]
    [InlineData("Approval.Engine.Supervision.DeadlineTimerJob, Approval.Engine", typeof(DeadlineTimerJob))]
    [InlineData("Approval.Engine.Supervision.TimerKind, Approval.Engine", typeof(TimerKind))]
    [InlineData("Approval.Engine.Deadlines.DeadlineTimerJob, Approval.Engine", typeof(DeadlineTimerJob))]
    [InlineData("System.Guid, System.Private.CoreLib", typeof(Guid))]
    public void ResolveType_FindsJobTypesByTheirOldAndNewNames(string name, Type expected) =>
        Assert.Equal(expected, TimersExtensions.ResolveType(name));
}
