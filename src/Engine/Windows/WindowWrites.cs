using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;

namespace Approval.Engine.Windows;

/// <summary>What the hall's write use cases share: who may keep the hall, and the refusals they give alike.</summary>
internal static class WindowWrites
{
    /// <summary>Null when <paramref name="user"/> may keep windows, their grants and staff (<see cref="Policies.Windows.Manage"/>).</summary>
    public static async Task<Refusal?> RefuseKeepingAsync(this IAuthorizationService authorization, ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Windows.Manage)).Succeeded
            ? null
            : new Refusal.Forbidden("Only the centre's administrators (中心管理员) keep the windows, their grants and staff.");

    public static Refusal.NotFound NoWindow(string number) => new($"There is no window '{number}'.");

    public static Refusal.Invalid Invalid(IEnumerable<(string Field, string Message)> errors, string title = "The window is not valid.") =>
        new([.. errors.Select(e => new FieldError(e.Field, e.Message))], title);
}
