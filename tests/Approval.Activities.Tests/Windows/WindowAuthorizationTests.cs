using Approval.Activities.Contract;
using Approval.Activities.Tests.Support;
using Approval.Activities.Windows;

namespace Approval.Activities.Tests.Windows;

public sealed class WindowAuthorizationTests
{
    private static readonly WindowAuthorizationFacts Settled = new()
    {
        ItemCode = "452624-XK-SCJG-003",
        ItemName = "个体工商户设立登记",
        Instant = true,
        AcceptedBy = "window1",
        Window = "W01",
        MayDecideOnTheSpot = true,
        HeadAuthority = "中层正职",
        HeadAuthorityMeetsGrant = true,
    };

    [Fact]
    public async Task AnInstantItem_WithCompleteMaterials_AtAWindowWithTheGrant_IsSettledOnTheSpot_AndNotReferred()
    {
        var port = new Port(Settled);

        var result = Assert.IsType<ActivityResult.Completed>(await Run(port));

        Assert.Equal(WindowAuthorization.OnTheSpot, result.Outcome);
        Assert.Contains("W01", result.Note);
        Assert.Contains("中层正职", result.Note);
        Assert.Null(port.ReferredWith);
        Assert.False(port.Referred);
    }

    public static TheoryData<string, WindowAuthorizationFacts, string> Obstacles() => new()
    {
        { "promised item", Settled with { Instant = false }, "承诺件" },
        { "missing materials", Settled with { MissingMaterials = ["营业执照", "身份证明"] }, "缺营业执照、身份证明" },
        { "no on-the-spot grant", Settled with { MayDecideOnTheSpot = false }, "W01 窗口未获本事项当场办结授权" },
        { "head lacks authority", Settled with { HeadAuthorityMeetsGrant = false, HeadAuthority = "中层副职" }, "中层副职" },
        { "clerk at no window", Settled with { Window = null }, "window1 不在任何窗口" },
        { "not an application", new WindowAuthorizationFacts(), "不是事项申请" },
    };

    [Theory]
    [MemberData(nameof(Obstacles))]
    public async Task AnythingShort_RefersTheApplication_SayingWhy_WithTheReplyLimit(string _, WindowAuthorizationFacts facts, string why)
    {
        var port = new Port(facts);

        var result = Assert.IsType<ActivityResult.Completed>(await Run(port, replyLimitDays: 3));

        Assert.Equal(WindowAuthorization.Referred, result.Outcome);
        Assert.Contains(why, result.Note);
        Assert.Contains("窗口集中受理、部门科室主办、限时回复结果", result.Note);
        Assert.True(port.Referred);
        Assert.Equal(3, port.ReferredWith);
        Assert.EndsWith("回复时限已定。", result.Note);
    }

    [Fact]
    public void EveryObstacle_IsNamed_NotJustTheFirst() =>
        Assert.Equal(3, WindowAuthorization.Obstacles(Settled with { Instant = false, MissingMaterials = ["申请书"], MayDecideOnTheSpot = false }).Count);

    [Fact]
    public async Task WithoutThePort_TheActivityCannotRun() =>
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await new WindowAuthorization().ExecuteAsync(Contexts.For()));

    private static ValueTask<ActivityResult> Run(Port port, int? replyLimitDays = null) =>
        new WindowAuthorization { ReplyLimitDays = replyLimitDays }.ExecuteAsync(Contexts.For(services: port));

    private sealed class Port(WindowAuthorizationFacts facts) : IWindowAuthority, IServiceProvider
    {
        public bool Referred { get; private set; }

        public int? ReferredWith { get; private set; }

        public object? GetService(Type serviceType) => serviceType == typeof(IWindowAuthority) ? this : null;

        public ValueTask<WindowAuthorizationFacts> GetFactsAsync(Guid instanceId, CancellationToken ct) => new(facts);

        public ValueTask<string?> ReferAsync(Guid instanceId, int? replyLimitDays, CancellationToken ct)
        {
            Referred = true;
            ReferredWith = replyLimitDays;
            return new("回复时限已定。");
        }
    }
}
