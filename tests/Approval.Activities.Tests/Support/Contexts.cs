using Approval.Activities.Contract;

namespace Approval.Activities.Tests.Support;

internal static class Contexts
{
    public static ActivityContext For(
        string activityId = "step",
        string? department = null,
        int inbound = 0,
        int arrived = 0,
        IReadOnlyDictionary<string, object?>? variables = null,
        IServiceProvider? services = null) =>
        new()
        {
            ActivityId = activityId,
            Department = department,
            InboundConnections = inbound,
            ArrivedConnections = arrived,
            Variables = variables ?? new Dictionary<string, object?>(),
            Services = services,
        };
}
