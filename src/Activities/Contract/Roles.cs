namespace Approval.Activities.Contract;

/// <summary>The platform's roles: who may act on which steps.</summary>
public static class Roles
{
    /// <summary>中心管理员: catalogue, windows, staff grants, flow design.</summary>
    public const string Administrator = "Administrator";

    /// <summary>窗口人员: receives, accepts and certifies at a window.</summary>
    public const string WindowStaff = "WindowStaff";

    /// <summary>科室经办: reviews referred cases.</summary>
    public const string DepartmentHandler = "DepartmentHandler";

    /// <summary>科室负责人: decides, approves extensions.</summary>
    public const string DepartmentHead = "DepartmentHead";

    /// <summary>电子监察: supervision office.</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>申请人.</summary>
    public const string Applicant = "Applicant";

    /// <summary>Whether the role works inside one department, so its steps go to the case's department.</summary>
    public static bool IsDepartmental(string role) => role is DepartmentHandler or DepartmentHead;

    public static IReadOnlyList<string> All { get; } =
        [Administrator, WindowStaff, DepartmentHandler, DepartmentHead, Supervisor, Applicant];
}
