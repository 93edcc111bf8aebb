using Approval.Engine.Catalogue;

namespace Approval.Engine.Windows;

/// <summary>A window as an administrator enters it (and as the sample hall file carries it).</summary>
public sealed record WindowRequest(
    string Number,
    string Name,
    WindowType Type,
    IReadOnlyList<WindowDepartment>? Departments,
    WindowHead? Head,
    string Phone,
    string SupervisionPhone,
    string? Location = null);

/// <summary>What a window may do with an item.</summary>
public sealed record WindowGrantRequest(bool MayAccept = true, bool MayDecideOnTheSpot = false);

/// <summary>A clerk who starts serving at a window (today, or the day given).</summary>
public sealed record AssignStaffRequest(string UserName, DateOnly? StartedOn = null);

/// <summary>Why a clerk stops serving at a window.</summary>
public sealed record EndStaffRequest(string Reason);

/// <summary>A department asks the centre to replace (with <see cref="Incoming"/>) or withdraw a clerk.</summary>
public sealed record StaffChangeRequest(string Window, string Outgoing, string? Incoming, string Reason);

/// <summary>The centre's answer to a staff change: approve it, or refuse it, saying why in the comment.</summary>
public sealed record StaffChangeDecision(bool Approve, string? Comment = null);

public sealed record WindowResponse(
    string Number,
    string Name,
    WindowType Type,
    string TypeName,
    string? Location,
    IReadOnlyList<WindowDepartmentView> Departments,
    WindowHead Head,
    string Phone,
    string SupervisionPhone,
    IReadOnlyList<WindowGrantView> Grants,
    IReadOnlyList<WindowStaffView> Staff,
    DateTimeOffset UpdatedAt);

/// <summary>A window as the public reads it (窗口公开): everything but its staff.</summary>
public sealed record PublicWindow(
    string Number,
    string Name,
    WindowType Type,
    string TypeName,
    string? Location,
    IReadOnlyList<WindowDepartmentView> Departments,
    WindowHead Head,
    string Phone,
    string SupervisionPhone,
    IReadOnlyList<WindowGrantView> Items);

public sealed record WindowDepartmentView(string Department, string DepartmentName, ApprovalAuthority HeadAuthority, string HeadAuthorityName);

/// <summary>An item a window serves and its authority there (办理权限): 受理, or 受理、当场办结.</summary>
public sealed record WindowGrantView(
    string ItemCode, string ItemName, string Department, CaseKind CaseKind, bool MayAccept, bool MayDecideOnTheSpot, string Authority);

public sealed record WindowStaffView(
    string UserName, string? DisplayName, DateOnly StartedOn, DateOnly MinimumTermEndsOn, DateOnly? EndedOn, string? EndReason);
