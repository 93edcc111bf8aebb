namespace Approval.Engine.Audit;

/// <summary>The stable codes of what an entry records (its <see cref="AuditEntry.Action"/>).</summary>
internal static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked-out";

    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserPasswordSet = "user.password-set";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";

    public const string DefinitionDraftSaved = "definition.draft-saved";
    public const string DefinitionPublished = "definition.published";

    public const string CatalogueItemCreated = "catalogue.item-created";
    public const string CatalogueItemUpdated = "catalogue.item-updated";
    public const string CatalogueItemCancelled = "catalogue.item-cancelled";
    public const string CatalogueItemDeleted = "catalogue.item-deleted";
    public const string CatalogueImported = "catalogue.imported";

    public const string CalendarYearSaved = "calendar.year-saved";
    public const string CalendarDaySaved = "calendar.day-saved";

    public const string WindowCreated = "window.created";
    public const string WindowUpdated = "window.updated";
    public const string WindowDeleted = "window.deleted";
    public const string WindowGranted = "window.granted";
    public const string WindowGrantWithdrawn = "window.grant-withdrawn";
    public const string StaffAssigned = "staff.assigned";
    public const string StaffEnded = "staff.ended";
    public const string StaffChangeRequested = "staff.change-requested";

    public const string CaseFiled = "case.filed";
    public const string TaskCompleted = "task.completed";
    public const string MaterialHandedIn = "case.material-handed-in";
    public const string CasePaused = "case.paused";
    public const string CaseResumed = "case.resumed";
    public const string ExtensionRequested = "case.extension-requested";
    public const string ExtensionDecided = "case.extension-decided";
    public const string DeadlineChanged = "case.deadline-changed";
    public const string NoticeIssued = "case.notice-issued";

    public const string WarningRecorded = "warning.recorded";
    public const string WarningAcknowledged = "warning.acknowledged";
    public const string WarningResolved = "warning.resolved";
    public const string EscalationHandled = "escalation.handled";
}

/// <summary>The kinds of resource an entry names (its <see cref="AuditEntry.ResourceType"/>).</summary>
internal static class AuditResources
{
    public const string User = "user";
    public const string Definition = "definition";
    public const string CatalogueItem = "catalogue-item";
    public const string Catalogue = "catalogue";
    public const string CalendarYear = "calendar-year";
    public const string CalendarDay = "calendar-day";
    public const string Window = "window";
    public const string Case = "case";
    public const string Task = "task";
    public const string Warning = "warning";
}
