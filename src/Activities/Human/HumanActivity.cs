using Approval.Activities.Contract;

namespace Approval.Activities.Human;

/// <summary>
/// A step a person performs: it opens a task for a role (and department) and the flow waits
/// until the task is completed with one of the activity's outcomes.
/// </summary>
[Signal(HumanActivity.Overdue, "超时")]
public abstract class HumanActivity : IActivity
{
    /// <summary>Sent when the step's own limit (<see cref="LimitDays"/>) passes; the task stays open.</summary>
    public const string Overdue = "Overdue";

    /// <summary>Who may complete the task.</summary>
    [ActivityInput("办理角色", "Role", Kind = PropertyKind.Role, Required = true, Description = "可以办理此步骤的角色。")]
    public abstract string Role { get; set; }

    /// <summary>The department whose staff act; empty means the case's own department for department roles.</summary>
    [ActivityInput("办理部门", "Department", Kind = PropertyKind.Department,
        Description = "由哪个部门办理；留空时，部门经办人和负责人的步骤由办件所属部门办理，窗口步骤不限部门。")]
    public string? Department { get; set; }

    /// <summary>The step's own limit in working days from when its task opens; empty for none.</summary>
    [ActivityInput("步骤时限（工作日）", "Step limit (working days)", Kind = PropertyKind.Number, Minimum = 1, Maximum = 365,
        Description = "本步骤自任务开启起的办理时限（工作日）；留空则只受办件时限约束。")]
    public int? LimitDays { get; set; }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(ActivityResult.WaitForTask(
            Role,
            !string.IsNullOrWhiteSpace(Department) ? Department : Roles.IsDepartmental(Role) ? context.Department : null,
            LimitDays));
}
