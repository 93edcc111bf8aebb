using Approval.Activities.Contract;
using Approval.Engine.Audit;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Identity;

/// <summary>What an account is: its name, the one role it holds, and the department or window that role needs.</summary>
public sealed record UserRequest(string? UserName, string? DisplayName, string? Role, string? Department, string? Window, string? Password);

/// <summary>The changeable part of an account (PUT /api/users/{userName}).</summary>
public sealed record UserUpdate(string? DisplayName, string? Role, string? Department, string? Window);

public sealed record PasswordRequest(string? Password);

public sealed record UserResponse(
    string UserName, string? DisplayName, IReadOnlyList<string> Roles, string? Department, string? Window,
    DateTimeOffset? LockedOutUntil, bool Enabled);

/// <summary>The outcome of a change: the account, or what was wrong (400), missing (404) or in the way (409).</summary>
internal sealed record UserChange(ApplicationUser? User, IReadOnlyList<(string Field, string Message)> Invalid, string? NotFound = null, string? Conflict = null)
{
    public static UserChange Done(ApplicationUser user) => new(user, []);

    public static UserChange Wrong(params (string Field, string Message)[] errors) => new(null, errors);
}

/// <summary>
/// Making and keeping accounts, for the <c>create-user</c> command and the user administration API
/// alike. An account holds exactly one role; the last enabled administrator cannot be locked or
/// demoted. Each change is one transaction with its audit entry; passwords are never recorded.
/// </summary>
internal sealed class UserAccounts(UserManager<ApplicationUser> users, ApprovalDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int NameLength = 64;
    public const int DisplayNameLength = 100;
    public const int DepartmentLength = 64;
    public const int WindowLength = 16;
    public const int PasswordLength = 128;

    /// <summary>A locked (disabled) account is locked out until the end of time; a temporary lockout after failed attempts ends.</summary>
    public static readonly DateTimeOffset Disabled = DateTimeOffset.MaxValue;

    public async Task<List<UserResponse>> ListAsync(CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return [.. accounts.Select(u => View(u, [.. byUser[u.Id].Order(StringComparer.Ordinal)]))];
    }

    public async Task<UserResponse?> GetAsync(string userName) =>
        await users.FindByNameAsync(userName) is { } user ? View(user, [.. await users.GetRolesAsync(user)]) : null;

    public async Task<UserResponse> ViewAsync(ApplicationUser user) => View(user, [.. await users.GetRolesAsync(user)]);

    public async Task<UserChange> CreateAsync(UserRequest request, bool bySystem, CancellationToken ct)
    {
        var errors = CheckName(request.UserName).Concat(CheckPasswordLength(request.Password)).ToList();
        errors.AddRange(await CheckAsync(request.DisplayName, request.Role, request.Department, request.Window, ct));
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        if (await users.FindByNameAsync(request.UserName!) is not null)
        {
            return new(null, [], Conflict: $"A user '{request.UserName}' already exists.");
        }

        var user = new ApplicationUser
        {
            UserName = request.UserName,
            DisplayName = Blank(request.DisplayName),
            Department = Blank(request.Department),
            Window = Blank(request.Window),
        };
        var password = await CheckPasswordAsync(user, request.Password!);
        if (password.Count > 0)
        {
            return new(null, password);
        }

        return await InTransactionAsync(async () =>
        {
            var created = await users.CreateAsync(user, request.Password!);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, request.Role!);
            }

            if (!created.Succeeded)
            {
                return created.Errors.Any(e => e.Code is "DuplicateUserName")
                    ? new UserChange(null, [], Conflict: $"A user '{request.UserName}' already exists.")
                    : new UserChange(null, [.. created.Errors.Select(e => ("userName", e.Description))]);
            }

            audit.Record(AuditActions.UserCreated, AuditResources.User, user.Id, new { account = Snapshot(user, request.Role!) }, bySystem: bySystem);
            return UserChange.Done(user);
        }, ct);
    }

    public async Task<UserChange> UpdateAsync(string userName, UserUpdate request, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return NoUser(userName);
        }

        var errors = await CheckAsync(request.DisplayName, request.Role, request.Department, request.Window, ct);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(Roles.Administrator) && request.Role != Roles.Administrator && await IsLastAdministratorAsync(user, ct))
        {
            return new(null, [], Conflict: $"'{userName}' is the last enabled administrator: make another one before changing this account's role.");
        }

        var old = Snapshot(user, roles);
        return await InTransactionAsync(async () =>
        {
            user.DisplayName = Blank(request.DisplayName);
            user.Department = Blank(request.Department);
            user.Window = Blank(request.Window);
            var stale = roles.Where(r => r != request.Role).ToList();
            var result = stale.Count > 0 ? await users.RemoveFromRolesAsync(user, stale) : IdentityResult.Success;
            if (result.Succeeded && !roles.Contains(request.Role!))
            {
                result = await users.AddToRoleAsync(user, request.Role!);
            }

            if (result.Succeeded)
            {
                // A new role is a new identity: the stamp says so to whoever checks it.
                result = stale.Count > 0 ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
            }

            if (!result.Succeeded)
            {
                return new UserChange(null, [], Conflict: $"'{userName}' was changed by someone else meanwhile; reload it. ({Describe(result)})");
            }

            audit.Record(AuditActions.UserUpdated, AuditResources.User, user.Id, new { old, @new = Snapshot(user, request.Role!) });
            return UserChange.Done(user);
        }, ct);
    }

    public async Task<UserChange> SetPasswordAsync(string userName, PasswordRequest request, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return NoUser(userName);
        }

        var errors = CheckPasswordLength(request.Password);
        if (errors.Count == 0)
        {
            errors = await CheckPasswordAsync(user, request.Password!);
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        return await InTransactionAsync(async () =>
        {
            // Checked above against Identity's rules; the new hash and a new security stamp are one save.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, request.Password!);
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                return new UserChange(null, [], Conflict: $"'{userName}' was changed by someone else meanwhile; reload it. ({Describe(result)})");
            }

            audit.Record(AuditActions.UserPasswordSet, AuditResources.User, user.Id, new { userName = user.UserName });
            return UserChange.Done(user);
        }, ct);
    }

    public async Task<UserChange> LockAsync(string userName, bool locked, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return NoUser(userName);
        }

        if (locked && await users.IsInRoleAsync(user, Roles.Administrator) && await IsLastAdministratorAsync(user, ct))
        {
            return new(null, [], Conflict: $"'{userName}' is the last enabled administrator: it cannot be locked.");
        }

        return await InTransactionAsync(async () =>
        {
            user.LockoutEnabled = true;
            user.LockoutEnd = locked ? Disabled : null;
            user.AccessFailedCount = 0;
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                return new UserChange(null, [], Conflict: $"'{userName}' was changed by someone else meanwhile; reload it. ({Describe(result)})");
            }

            audit.Record(locked ? AuditActions.UserLocked : AuditActions.UserUnlocked, AuditResources.User, user.Id, new { userName = user.UserName });
            return UserChange.Done(user);
        }, ct);
    }

    public static IEnumerable<(string Field, string Message)> CheckName(string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            yield return ("userName", "userName is required.");
        }
        else if (userName.Length > NameLength)
        {
            yield return ("userName", $"userName is at most {NameLength} characters.");
        }
        else if (!userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '@' or '+'))
        {
            yield return ("userName", "userName may hold only letters a-z, A-Z, digits and - . _ @ +.");
        }
    }

    private static List<(string Field, string Message)> CheckPasswordLength(string? password) =>
        string.IsNullOrEmpty(password) ? [("password", "password is required.")]
        : password.Length > PasswordLength ? [("password", $"password is at most {PasswordLength} characters.")]
        : [];

    // Identity's password rules (length, digits, cases, symbols), before anything is written.
    private async Task<List<(string Field, string Message)>> CheckPasswordAsync(ApplicationUser user, string password)
    {
        var errors = new List<(string, string)>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => ("password", e.Description)));
        }

        return errors;
    }

    private async Task<List<(string Field, string Message)>> CheckAsync(string? displayName, string? role, string? department, string? window, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (displayName?.Length > DisplayNameLength)
        {
            errors.Add(("displayName", $"displayName is at most {DisplayNameLength} characters."));
        }

        if (string.IsNullOrWhiteSpace(role))
        {
            errors.Add(("role", $"role is required: one of {string.Join(", ", Roles.All)}. An account holds exactly one role."));
        }
        else if (!Roles.All.Contains(role))
        {
            errors.Add(("role", $"'{Cut(role)}' is not a role: one of {string.Join(", ", Roles.All)}. An account holds exactly one role."));
        }

        var needsDepartment = role is Roles.DepartmentHandler or Roles.DepartmentHead;
        if (department?.Length > DepartmentLength)
        {
            errors.Add(("department", $"department is at most {DepartmentLength} characters."));
        }
        else if (needsDepartment && string.IsNullOrWhiteSpace(department))
        {
            errors.Add(("department", $"A {role} works in a department: department is required."));
        }
        else if (!needsDepartment && !string.IsNullOrWhiteSpace(department))
        {
            errors.Add(("department", $"Only a {Roles.DepartmentHandler} or {Roles.DepartmentHead} has a department."));
        }

        if (window?.Length > WindowLength)
        {
            errors.Add(("window", $"window is at most {WindowLength} characters."));
        }
        else if (!string.IsNullOrWhiteSpace(window))
        {
            if (role != Roles.WindowStaff)
            {
                errors.Add(("window", $"Only {Roles.WindowStaff} serve at a window."));
            }
            else if (!await db.Windows.AnyAsync(w => w.Number == window, ct))
            {
                errors.Add(("window", $"There is no window '{window}'."));
            }
        }

        return errors;
    }

    private async Task<bool> IsLastAdministratorAsync(ApplicationUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var others = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            join u in db.Users on ur.UserId equals u.Id
                            where r.Name == Roles.Administrator && u.Id != user.Id
                            select u).AsNoTracking().ToListAsync(ct);

        // The lockout end is compared here: SQLite keeps DateTimeOffset as text.
        return !others.Any(u => u.LockoutEnd is null || u.LockoutEnd < now);
    }

    private async Task<UserChange> InTransactionAsync(Func<Task<UserChange>> change, CancellationToken ct) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var outcome = await change();
            if (outcome.User is null)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return outcome;
            }

            await db.SaveChangesAsync(ct); // the audit entry, chained
            await transaction.CommitAsync(ct);
            return outcome;
        });

    private UserResponse View(ApplicationUser user, IReadOnlyList<string> roles)
    {
        var enabled = user.LockoutEnd != Disabled;
        var until = enabled && user.LockoutEnabled && user.LockoutEnd > clock.GetUtcNow() ? user.LockoutEnd : null;
        return new(user.UserName!, user.DisplayName, roles, user.Department, user.Window, until, enabled);
    }

    private static object Snapshot(ApplicationUser user, string role) => Snapshot(user, [role]);

    private static object Snapshot(ApplicationUser user, IEnumerable<string> roles) => new
    {
        userName = user.UserName,
        displayName = user.DisplayName,
        roles = roles.Order(StringComparer.Ordinal).ToList(),
        department = user.Department,
        window = user.Window,
    };

    private static UserChange NoUser(string userName) => new(null, [], NotFound: $"There is no user '{Cut(userName)}'.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Cut(string value) => value.Length > 64 ? value[..64] + "…" : value;

    private static string Describe(IdentityResult result) => string.Join("; ", result.Errors.Select(e => e.Description));
}
