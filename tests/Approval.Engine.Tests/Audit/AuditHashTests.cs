using Approval.Engine.Audit;

namespace Approval.Engine.Tests.Audit;

public sealed class AuditHashTests
{
    // Guards the published canonical form: the expected hash was computed outside .NET with the README's
    // Python recipe, so a change to the form (field order, time format, null handling) is seen here.
    [Fact]
    public void Compute_MatchesTheReadmesRecipe()
    {
        var entry = new AuditEntry
        {
            Sequence = 2,
            At = DateTimeOffset.Parse("2026-03-02T09:00:00.123+08:00", System.Globalization.CultureInfo.InvariantCulture),
            ActorId = "u-1",
            ActorName = "window1",
            Roles = "WindowStaff",
            Action = "task.completed",
            ResourceType = "task",
            ResourceId = "019c-task",
            IpAddress = "203.0.113.9",
            UserAgent = null,
            Details = """{"outcome":"Accepted","comment":"材料齐全"}""",
            PreviousHash = new string('0', 64),
        };

        Assert.Equal("82512fb6eba38512d65093e2588db1bc7d6eff0abffcb8d3f41f6ca7c66ffee1", AuditHash.Compute(entry));
    }
}
