using Approval.Activities.Contract;

namespace Approval.Activities.Flow;

/// <summary>
/// 督办升级: tells someone a step is overdue. Placed on a human step's <c>Overdue</c> signal, it
/// fires without closing the step's task; its branch stops here.
/// </summary>
[Activity("Escalate", "督办升级", "Escalate", Category = ActivityCategories.Supervision,
    Description = "步骤超时后升级督办：通知经办人、部门负责人、电子监察室或指定角色。接在办理步骤的“超时”信号上，不关闭原任务。")]
public sealed class Escalate : IActivity
{
    public const string Handler = "Handler";
    public const string DepartmentHead = "DepartmentHead";
    public const string SupervisionOffice = "SupervisionOffice";
    public const string NamedRole = "Role";

    /// <summary>Whom to escalate to.</summary>
    [ActivityInput("升级对象", "Escalate to", Kind = PropertyKind.Choice, Required = true,
        Options = [Handler, DepartmentHead, SupervisionOffice, NamedRole],
        Description = "经办人、部门负责人、电子监察室，或下面指定的角色。")]
    public string To { get; set; } = DepartmentHead;

    /// <summary>The role to tell when <see cref="To"/> is Role.</summary>
    [ActivityInput("指定角色", "Role", Kind = PropertyKind.Role, Description = "升级对象为“指定角色”时通知的角色。")]
    public string? Role { get; set; }

    /// <summary>How severe the escalation is.</summary>
    [ActivityInput("严重程度", "Severity", Kind = PropertyKind.Choice, Required = true,
        Options = ["Notice", "Yellow", "Red", "Severe"], Description = "提示、黄牌、红牌或严重。")]
    public string Severity { get; set; } = "Red";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        To == NamedRole && string.IsNullOrWhiteSpace(Role)
            ? throw new InvalidOperationException("Escalate to a named role needs the role.")
            : new(ActivityResult.Escalate(To, To == NamedRole ? Role : null, Severity));
}
