namespace Approval.Engine.Access;

/// <summary>
/// The names of the platform's authorisation policies, one set per resource. Endpoint groups ask for
/// them by name (<c>RequireAuthorization(Policies.Cases.File)</c>); <see cref="AccessExtensions.AddAccess"/>
/// says what each one requires. Which record a caller may touch is decided by the resource's
/// handler (<see cref="CaseAccess"/>, <see cref="TaskAccess"/>, <see cref="WarningAccess"/>, <see cref="StaffChangeAccess"/>).
/// </summary>
internal static class Policies
{
    /// <summary>Any signed-in member of the centre's staff: everyone but applicants.</summary>
    public const string Staff = "Staff";

    /// <summary>Anyone signed in; what they then see is their own (notifications) or decided per record (cases).</summary>
    public const string SignedIn = "SignedIn";

    public static class Definitions
    {
        public const string Read = Staff;
        public const string Manage = "Definitions.Manage";
    }

    public static class Catalogue
    {
        public const string Read = Staff;
        public const string Manage = "Catalogue.Manage";
    }

    public static class Calendar
    {
        public const string Read = Staff;
        public const string Manage = "Calendar.Manage";
    }

    public static class Windows
    {
        public const string Read = Staff;
        public const string Manage = "Windows.Manage";

        /// <summary>A department asks the centre to replace or withdraw a window's clerk.</summary>
        public const string RequestStaffChange = "Windows.RequestStaffChange";

        /// <summary>Staff changes: the centre and the supervision office all, a department its own.</summary>
        public const string ReadStaffChanges = "Windows.ReadStaffChanges";
    }

    public static class Cases
    {
        /// <summary>Anyone signed in; which cases is <see cref="CaseAccess"/>'s decision.</summary>
        public const string Read = SignedIn;

        /// <summary>Applicants and clerks file applications; administrators try bare flows out.</summary>
        public const string File = "Cases.File";

        /// <summary>Special procedures and asking for the extension: the handling department.</summary>
        public const string MoveClocks = "Cases.MoveClocks";

        /// <summary>Handing in material files: the applicant for their own application, a clerk at the counter.</summary>
        public const string HandInMaterials = "Cases.HandInMaterials";

        /// <summary>Approving or refusing the extension: the handling department's head.</summary>
        public const string DecideExtension = "Cases.DecideExtension";
    }

    public static class Tasks
    {
        /// <summary>The inbox: staff; the supervision office reads every open task.</summary>
        public const string Read = Staff;

        /// <summary>Completing a task: those who work cases, and administrators for the centre's own (staff-change) flows.</summary>
        public const string Complete = "Tasks.Complete";
    }

    public static class Supervision
    {
        /// <summary>Warnings, escalations, overdue cases: the supervision office, and heads for their department.</summary>
        public const string Read = "Supervision.Read";

        /// <summary>Acknowledging and resolving warnings: the same people.</summary>
        public const string Handle = Read;

        /// <summary>Running the daily sweep by hand: the supervision office.</summary>
        public const string Sweep = "Supervision.Sweep";
    }

    public static class Statistics
    {
        /// <summary>The figures: supervision office and administrators all, heads their own department.</summary>
        public const string Read = "Statistics.Read";

        public const string Daily = "Statistics.Daily";
    }

    public static class Audit
    {
        /// <summary>The audit log and its verification: the supervision office.</summary>
        public const string Read = "Audit.Read";
    }

    public static class Users
    {
        /// <summary>Accounts: making them, their role, password and lock: administrators.</summary>
        public const string Manage = "Users.Manage";
    }

    public static class Notifications
    {
        /// <summary>Everyone reads their own.</summary>
        public const string Own = SignedIn;
    }

    public static class Studio
    {
        /// <summary>The Blazor UI: anyone signed in, by bearer token or login cookie.</summary>
        public const string Use = "Studio.Use";

        /// <summary>The timers dashboard: administrators and the supervision office, by token or cookie.</summary>
        public const string Timers = "Studio.Timers";
    }
}
