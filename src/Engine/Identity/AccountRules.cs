using Approval.Activities.Contract;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Identity;

/// <summary>
/// What an account must be: a name of plain characters, exactly one role, the department or window
/// that role needs (and no other), a password Identity's rules accept; and that the last enabled
/// administrator stays one. Every problem is named by the field it concerns.
/// </summary>
internal sealed class AccountRules(UserManager<ApplicationUser> users, ApprovalDbContext db, TimeProvider clock)
{
    public const int NameLength = 64;
    public const int DisplayNameLength = 100;
    public const int DepartmentLength = 64;
    public const int WindowLength = 16;
    public const int PasswordLength = 128;

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

    public static List<(string Field, string Message)> CheckPasswordLength(string? password) =>
        string.IsNullOrEmpty(password) ? [("password", "password is required.")]
        : password.Length > PasswordLength ? [("password", $"password is at most {PasswordLength} characters.")]
        : [];

    /// <summary>Identity's password rules (length, digits, cases, symbols), before anything is written.</summary>
    public async Task<List<(string Field, string Message)>> CheckPasswordAsync(ApplicationUser user, string password)
    {
        var errors = new List<(string, string)>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => ("password", e.Description)));
        }

        return errors;
    }

    /// <summary>The role and what it needs: a department for a department's roles, a window (that exists) only for window staff.</summary>
    public async Task<List<(string Field, string Message)>> CheckAsync(
        string? displayName, string? role, string? department, string? window, CancellationToken ct)
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
            errors.Add(("role", $"'{AccountChanges.Cut(role)}' is not a role: one of {string.Join(", ", Roles.All)}. An account holds exactly one role."));
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

    /// <summary>No other administrator could sign in: locking or demoting this one would leave the centre without one.</summary>
    public async Task<bool> IsLastAdministratorAsync(ApplicationUser user, CancellationToken ct)
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
}
