using Approval.Activities.Contract;
using Approval.Activities.Flow;
using Approval.Activities.Registry;

namespace Approval.Designer.Text;

/// <summary>The UI's words: Simplified Chinese first, English as the second language.</summary>
public sealed partial class UiText(string? language)
{
    public const string Chinese = "zh";
    public const string English = "en";

    /// <summary>The cookie that remembers the chosen language.</summary>
    public const string Cookie = "approval.lang";

    public string Language { get; } = language == English ? English : Chinese;

    public bool IsEnglish => Language == English;

    /// <summary>A label by its key; the desks keep theirs beside their pages' (<c>UiText.Desk.cs</c>, <c>UiText.Work.cs</c>).</summary>
    public string this[string key] =>
        Words.TryGetValue(key, out var w) || DeskWords.TryGetValue(key, out w) || WorkWords.TryGetValue(key, out w)
            ? (IsEnglish ? w.En : w.Zh)
            : key;

    public string Name(ActivityDescriptor descriptor) => IsEnglish ? descriptor.EnglishName : descriptor.DisplayName;

    public string Name(PropertyDescriptor property) => IsEnglish ? property.EnglishName : property.DisplayName;

    /// <summary>An outcome's label: the Chinese display name, or its name in English.</summary>
    public string Name(OutcomeDescriptor outcome) => IsEnglish ? outcome.Name : outcome.DisplayName;

    /// <summary>What a step of a case's history ended with: its activity's outcome or signal, or the result an End recorded.</summary>
    public string StepOutcome(ActivityRegistry registry, string activityType, string outcome)
    {
        var activity = registry.Find(activityType);
        var found = activity?.Outcomes.Concat(activity.Signals).FirstOrDefault(o => o.Name == outcome);
        return found is null ? Choice(outcome) : Name(found);
    }

    public string Category(string category) => IsEnglish && CategoryNames.TryGetValue(category, out var en) ? en : category;

    public string Role(string role) => RoleNames.TryGetValue(role, out var w) ? (IsEnglish ? w.En : w.Zh) : role;

    public string Status(string status) => this["status." + status];

    /// <summary>A case's status with how it ended, when that says more than "completed": 已办结（准予许可）.</summary>
    public string StatusAndResult(string status, string? result) =>
        result is null or EndResults.Completed ? Status(status)
            : IsEnglish ? $"{Status(status)} ({Choice(result)})" : $"{Status(status)}（{Choice(result)}）";

    /// <summary>A deadline timer's kind (the engine's <c>TimerKind</c>): 黄牌预警, 红牌, 超过法定时限 ...</summary>
    public string TimerKind(string kind) => this["timer." + kind];

    /// <summary>
    /// A value of a choice property (an End's result, an escalation's target or severity), or a case's result;
    /// a value with no label shows as it is.
    /// </summary>
    public string Choice(string value) => ChoiceNames.TryGetValue(value, out var w) ? (IsEnglish ? w.En : w.Zh) : value;

    public string Date(DateTimeOffset at) => ChinaTime(at).ToString("yyyy-MM-dd HH:mm");

    public static DateTimeOffset ChinaTime(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8));

    private static readonly Dictionary<string, string> CategoryNames = new()
    {
        [ActivityCategories.Flow] = "Flow control",
        [ActivityCategories.Approval] = "Approval steps",
        [ActivityCategories.Supervision] = "Supervision",
        [ActivityCategories.Window] = "Window",
    };

    private static readonly Dictionary<string, (string Zh, string En)> RoleNames = new()
    {
        [Roles.Administrator] = ("中心管理员", "Administrator"),
        [Roles.WindowStaff] = ("窗口人员", "Window staff"),
        [Roles.DepartmentHandler] = ("科室经办", "Department handler"),
        [Roles.DepartmentHead] = ("科室负责人", "Department head"),
        [Roles.Supervisor] = ("电子监察", "Supervisor"),
        [Roles.Applicant] = ("申请人", "Applicant"),
    };

    // The values are the flow JSON's; each is one word across the choice properties (see End and Escalate).
    private static readonly Dictionary<string, (string Zh, string En)> ChoiceNames = new()
    {
        [EndResults.Approved] = ("准予许可", "Approved"),
        [EndResults.Denied] = ("不予许可", "Denied"),
        [EndResults.Refused] = ("不予受理", "Not accepted"),
        [EndResults.Rejected] = ("驳回", "Rejected"),
        [EndResults.Completed] = ("办结", "Completed"),
        [Escalate.Handler] = ("经办人", "Handler"),
        [Escalate.DepartmentHead] = ("部门负责人", "Department head"),
        [Escalate.SupervisionOffice] = ("电子监察室", "Supervision office"),
        [Escalate.NamedRole] = ("指定角色", "Named role"),
        ["Notice"] = ("提示", "Notice"),
        ["Yellow"] = ("黄牌", "Yellow card"),
        ["Red"] = ("红牌", "Red card"),
        ["Severe"] = ("严重", "Severe"),
    };

    private static readonly Dictionary<string, (string Zh, string En)> Words = new()
    {
        ["app.title"] = ("政务服务审批平台", "Approval platform"),
        ["nav.flows"] = ("流程设计", "Flows"),
        ["nav.cases"] = ("办件查看", "Cases"),
        ["nav.myCases"] = ("我的办件", "My applications"),
        ["nav.logout"] = ("退出", "Log out"),
        ["nav.language"] = ("English", "中文"),
        ["flows.title"] = ("流程列表", "Flows"),
        ["flows.id"] = ("流程编号", "Flow id"),
        ["flows.name"] = ("名称", "Name"),
        ["flows.current"] = ("当前版本", "Current version"),
        ["flows.draft"] = ("草稿", "Draft"),
        ["flows.items"] = ("适用事项", "Items"),
        ["flows.updated"] = ("最后修改", "Last change"),
        ["flows.none"] = ("无", "none"),
        ["flows.open"] = ("打开", "Open"),
        ["flows.new"] = ("新建流程", "New flow"),
        ["flows.import"] = ("导入流程", "Import flow"),
        ["flows.newId"] = ("新流程编号", "New flow id"),
        ["flows.newName"] = ("新流程名称", "New flow name"),
        ["flows.create"] = ("创建", "Create"),
        ["designer.palette"] = ("活动", "Activities"),
        ["designer.paletteHint"] = ("拖到画布上，或点击添加", "Drag onto the canvas, or click to add"),
        ["designer.save"] = ("保存草稿", "Save draft"),
        ["designer.publish"] = ("发布", "Publish"),
        ["designer.undo"] = ("撤销", "Undo"),
        ["designer.redo"] = ("重做", "Redo"),
        ["designer.delete"] = ("删除所选", "Delete selection"),
        ["designer.zoomIn"] = ("放大", "Zoom in"),
        ["designer.zoomOut"] = ("缩小", "Zoom out"),
        ["designer.fit"] = ("适应画布", "Fit"),
        ["designer.layout"] = ("自动布局", "Auto layout"),
        ["designer.history"] = ("版本历史", "Versions"),
        ["designer.compare"] = ("版本比较", "Compare versions"),
        ["designer.export"] = ("导出 JSON", "Export JSON"),
        ["designer.import"] = ("导入 JSON", "Import JSON"),
        ["designer.readOnly"] = ("只读：只有中心管理员可以修改流程。", "Read only: only administrators change flows."),
        ["designer.viewingVersion"] = ("正在查看历史版本，编辑后保存为新草稿。", "Viewing an earlier version; edits are saved as a new draft."),
        ["designer.unsaved"] = ("有未保存的修改", "Unsaved changes"),
        ["designer.saved"] = ("草稿已保存", "Draft saved"),
        ["designer.published"] = ("已发布版本", "Published version"),
        ["designer.publishBlocked"] = ("还有错误，不能发布", "Errors remain: cannot publish"),
        ["designer.errors"] = ("错误", "Errors"),
        ["designer.noErrors"] = ("没有错误，可以发布。", "No errors: ready to publish."),
        ["designer.imported"] = ("已导入，保存草稿后生效", "Imported: save the draft to keep it"),
        ["designer.importFailed"] = ("不是有效的流程 JSON", "Not a valid flow JSON"),
        ["designer.selectHint"] = ("选中一个步骤以编辑其属性", "Select a step to edit its properties"),
        ["designer.notFound"] = ("没有这个流程", "There is no such flow"),
        ["tryOut.title"] = ("试运行", "Try out"),
        ["tryOut.hint"] = ("以下面的办件数据运行已发布版本（条件判断按这些数据走向），然后打开办件查看。", "Runs the published version with the case data below (conditions follow it), then opens the case."),
        ["tryOut.noPublished"] = ("流程还没有已发布的版本。", "The flow has no published version yet."),
        ["tryOut.department"] = ("办件所属部门", "The case's department"),
        ["tryOut.data"] = ("办件数据（JSON）", "Case data (JSON)"),
        ["tryOut.run"] = ("运行", "Run"),
        ["props.title"] = ("属性", "Properties"),
        ["props.id"] = ("步骤编号", "Step id"),
        ["props.name"] = ("显示名称", "Display name"),
        ["props.type"] = ("类型", "Type"),
        ["props.none"] = ("（不设）", "(none)"),
        ["props.conditionHelp"] = ("用方括号引用办件数据，例如 [amount] > 100 and [applicant.type] = '企业'", "Refer to case data in brackets, e.g. [amount] > 100 and [applicant.type] = '企业'"),
        ["props.idTaken"] = ("编号已被其他步骤使用", "Another step has this id"),
        ["props.idRequired"] = ("编号不能为空", "The id is required"),
        ["props.outcomes"] = ("出口", "Outcomes"),
        ["versions.version"] = ("版本", "Version"),
        ["versions.status"] = ("状态", "Status"),
        ["versions.by"] = ("修改人", "By"),
        ["versions.open"] = ("查看", "Open"),
        ["versions.from"] = ("旧版本", "From"),
        ["versions.to"] = ("新版本", "To"),
        ["versions.added"] = ("新增", "Added"),
        ["versions.removed"] = ("删除", "Removed"),
        ["versions.changed"] = ("修改", "Changed"),
        ["versions.steps"] = ("步骤", "Steps"),
        ["versions.connections"] = ("连线", "Connections"),
        ["versions.same"] = ("两个版本的步骤和连线相同。", "The two versions have the same steps and connections."),
        ["versions.working"] = ("当前编辑", "Being edited"),
        ["status.Draft"] = ("草稿", "Draft"),
        ["status.Published"] = ("已发布", "Published"),
        ["status.Retired"] = ("已停用", "Retired"),
        ["status.Running"] = ("办理中", "Running"),
        ["status.Completed"] = ("已办结", "Completed"),
        ["status.Faulted"] = ("异常", "Faulted"),
        ["cases.title"] = ("办件", "Cases"),
        ["cases.openById"] = ("按受理编号打开", "Open by case number"),
        ["cases.id"] = ("受理编号", "Case number"),
        ["cases.notFound"] = ("没有这个受理编号的办件，或您无权查看", "No case with this number that you may see"),
        ["cases.item"] = ("事项", "Item"),
        ["cases.flow"] = ("流程版本", "Flow version"),
        ["cases.status"] = ("状态", "Status"),
        ["cases.result"] = ("结果", "Result"),
        ["cases.received"] = ("收件时间", "Received"),
        ["cases.notFound"] = ("没有这个办件，或您无权查看。", "No such case, or you may not see it."),
        ["cases.history"] = ("办理过程", "History"),
        ["cases.waiting"] = ("等待办理", "Waiting at"),
        ["cases.deadlines"] = ("时限", "Deadlines"),
        ["cases.acceptedOn"] = ("受理日", "Accepted on"),
        ["cases.promised"] = ("承诺期限", "Promised deadline"),
        ["cases.statutory"] = ("法定期限", "Statutory deadline"),
        ["cases.daysLeft"] = ("剩余工作日", "Working days left"),
        ["cases.paused"] = ("计时暂停（特别程序）", "Clocks paused (special procedure)"),
        ["cases.provisional"] = ("期限为暂定（节假日未公布）", "Provisional (holidays not yet known)"),
        ["cases.certificateDue"] = ("发证期限", "Certificate due"),
        ["cases.stepDue"] = ("步骤期限", "Step due"),
        ["cases.timers"] = ("待触发的提醒", "Timers to come"),
        ["timer.CorrectionNotice"] = ("补正告知期限", "Correction notice due"),
        ["timer.Yellow"] = ("黄牌预警", "Yellow warning"),
        ["timer.Red"] = ("红牌（超过承诺时限）", "Red card (promised limit passed)"),
        ["timer.StatutoryBreach"] = ("超过法定时限", "Statutory limit passed"),
        ["timer.StepWarning"] = ("步骤预警", "Step warning"),
        ["timer.StepOverdue"] = ("步骤超时", "Step overdue"),
        ["timer.Escalation"] = ("督办升级", "Escalation"),
        ["cases.legendVisited"] = ("已办理", "Done"),
        ["cases.legendWaiting"] = ("等待中", "Waiting"),
        ["cases.legendPath"] = ("已走过的连线", "Path taken"),
        ["cases.none"] = ("暂无办件", "No cases yet"),
        ["cases.trial"] = ("试运行", "Trial"),
        ["common.close"] = ("关闭", "Close"),
        ["common.cancel"] = ("取消", "Cancel"),
        ["common.loading"] = ("加载中…", "Loading…"),
        ["common.back"] = ("返回", "Back"),
    };
}
