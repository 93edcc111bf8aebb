using System.Security.Claims;
using Approval.Engine.Audit;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Approval.Engine.Identity;

/// <summary>A new account with its one role and an initial password.</summary>
internal sealed record CreateUserCommand(UserRequest Account);

internal sealed class CreateUser(
    UserManager<ApplicationUser> users, ApprovalDbContext db, AccountRules rules, AccountViews views, AuditLog audit,
    IAuthorizationService authorization)
{
    public async Task<Result<UserResponse>> RunAsync(CreateUserCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await authorization.RefuseKeepingAsync(user) is { } refused)
        {
            return refused;
        }

        return await views.ViewAsync(await CreateAsync(command.Account, Actor.From(user), ct));
    }

    /// <summary>
    /// For <see cref="CreateUserCommandLine"/>: the operator at the server's console, who holds the
    /// database itself (it is how the first administrator is made); the audit log names the system.
    /// </summary>
    public async Task<Result<UserResponse>> RunAtConsoleAsync(CreateUserCommand command, CancellationToken ct) =>
        await views.ViewAsync(await CreateAsync(command.Account, actor: null, ct));

    private async Task<Result<ApplicationUser>> CreateAsync(UserRequest request, Actor? actor, CancellationToken ct)
    {
        var errors = AccountRules.CheckName(request.UserName).Concat(AccountRules.CheckPasswordLength(request.Password)).ToList();
        errors.AddRange(await rules.CheckAsync(request.DisplayName, request.Role, request.Department, request.Window, ct));
        if (errors.Count > 0)
        {
            return AccountChanges.Invalid(errors);
        }

        if (await users.FindByNameAsync(request.UserName!) is not null)
        {
            return new Refusal.Conflict($"A user '{request.UserName}' already exists.");
        }

        var user = new ApplicationUser
        {
            UserName = request.UserName,
            DisplayName = AccountChanges.Blank(request.DisplayName),
            Department = AccountChanges.Blank(request.Department),
            Window = AccountChanges.Blank(request.Window),
        };
        var password = await rules.CheckPasswordAsync(user, request.Password!);
        if (password.Count > 0)
        {
            return AccountChanges.Invalid(password);
        }

        return await db.InTransactionAsync(async () =>
        {
            var created = await users.CreateAsync(user, request.Password!);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, request.Role!);
            }

            if (!created.Succeeded)
            {
                return created.Errors.Any(e => e.Code is "DuplicateUserName")
                    ? (Refusal)new Refusal.Conflict($"A user '{request.UserName}' already exists.")
                    : AccountChanges.Invalid(created.Errors.Select(e => ("userName", e.Description)));
            }

            audit.Record(AuditActions.UserCreated, AuditResources.User, user.Id, new { account = AccountChanges.Snapshot(user, [request.Role!]) },
                actor, bySystem: actor is null);
            return user;
        }, ct);
    }
}
