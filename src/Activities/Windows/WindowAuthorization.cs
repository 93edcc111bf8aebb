using Approval.Activities.Contract;

namespace Approval.Activities.Windows;

/// <summary>
/// 窗口授权: after acceptance, whether the window settles the application on the spot or refers
/// it to the department. An instant item (即办件) with every required material, accepted at a
/// window that holds the on-the-spot grant for it, goes <see cref="OnTheSpot"/>: the window decides
/// and certifies in the same visit. Everything else goes <see cref="Referred"/>: 窗口集中受理、
/// 部门科室主办、限时回复结果. Why it chose is kept in the case's history.
/// </summary>
[Activity("WindowAuthorization", "窗口授权", "Window authorisation", Category = ActivityCategories.Window,
    Description = "受理后判断能否当场办结：即办件材料齐全、受理窗口获本事项当场办结授权的，由窗口当场决定并发证；否则转部门科室审核、决定，限时回复结果。判断理由记入办件历史。")]
[Outcome(OnTheSpot, "当场办结")]
[Outcome(Referred, "转部门办理")]
public sealed class WindowAuthorization : IActivity
{
    public const string OnTheSpot = "OnTheSpot";
    public const string Referred = "Referred";

    /// <summary>
    /// For an instant item referred to the department: the working days, counted from the day after
    /// acceptance, within which the department replies. Empty for 70% of the item's statutory limit.
    /// </summary>
    [ActivityInput("部门回复时限（工作日）", "Department reply limit (working days)", Kind = PropertyKind.Number, Minimum = 1, Maximum = 365,
        Description = "即办件转部门办理时，部门回复结果的时限，自受理次日起算；留空为事项法定时限的 70%，且不超过法定时限的 70%。")]
    public int? ReplyLimitDays { get; set; }

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var authority = context.GetRequiredPort<IWindowAuthority>();
        var facts = await authority.GetFactsAsync(context.InstanceId, context.CancellationToken);
        var obstacles = Obstacles(facts);
        if (obstacles.Count == 0)
        {
            return ActivityResult.Done(OnTheSpot,
                $"当场办结：{facts.ItemName}为即办件，材料齐全，{facts.Window} 窗口获本事项当场办结授权"
                + $"（窗口负责人具{facts.HeadAuthority}审批权限），由窗口当场决定并发证。");
        }

        var limit = await authority.ReferAsync(context.InstanceId, ReplyLimitDays, context.CancellationToken);
        return ActivityResult.Done(Referred,
            $"转部门办理（窗口集中受理、部门科室主办、限时回复结果）：{string.Join("；", obstacles)}。{limit}");
    }

    /// <summary>Everything that stands between the application and an on-the-spot decision; empty when nothing does.</summary>
    public static IReadOnlyList<string> Obstacles(WindowAuthorizationFacts facts)
    {
        if (facts.ItemCode is null)
        {
            return ["不是事项申请，没有可当场办结的授权"];
        }

        var obstacles = new List<string>();
        if (!facts.Instant)
        {
            obstacles.Add($"{facts.ItemName}为承诺件，由部门审核、决定");
        }

        if (facts.MissingMaterials.Count > 0)
        {
            obstacles.Add($"材料不齐全，缺{string.Join("、", facts.MissingMaterials)}");
        }

        if (facts.Window is null)
        {
            obstacles.Add(facts.AcceptedBy is null ? "没有窗口受理记录" : $"受理人 {facts.AcceptedBy} 不在任何窗口");
        }
        else if (!facts.MayDecideOnTheSpot)
        {
            obstacles.Add($"{facts.Window} 窗口未获本事项当场办结授权");
        }
        else if (!facts.HeadAuthorityMeetsGrant)
        {
            obstacles.Add($"{facts.Window} 窗口负责人在本部门的审批权限（{facts.HeadAuthority ?? "无"}）不足中层正职，当场办结授权不能生效");
        }

        return obstacles;
    }
}
