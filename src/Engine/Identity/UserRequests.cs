namespace Approval.Engine.Identity;

/// <summary>What an account is: its name, the one role it holds, and the department or window that role needs.</summary>
public sealed record UserRequest(string? UserName, string? DisplayName, string? Role, string? Department, string? Window, string? Password);

/// <summary>The changeable part of an account (PUT /api/users/{userName}).</summary>
public sealed record UserUpdate(string? DisplayName, string? Role, string? Department, string? Window);

public sealed record PasswordRequest(string? Password);

public sealed record UserResponse(
    string UserName, string? DisplayName, IReadOnlyList<string> Roles, string? Department, string? Window,
    DateTimeOffset? LockedOutUntil, bool Enabled);
