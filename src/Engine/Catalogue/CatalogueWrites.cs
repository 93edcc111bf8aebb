using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;

namespace Approval.Engine.Catalogue;

/// <summary>What the catalogue's write use cases share: who may write, and how the rules' problems are told.</summary>
internal static class CatalogueWrites
{
    /// <summary>Null when <paramref name="user"/> may change the catalogue (<see cref="Policies.Catalogue.Manage"/>).</summary>
    public static async Task<Refusal?> RefuseCatalogueChangeAsync(this IAuthorizationService authorization, ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Catalogue.Manage)).Succeeded
            ? null
            : new Refusal.Forbidden("Only administrators (中心管理员) change the catalogue.");

    /// <summary>The item's problems (from <see cref="CatalogueEditor.CheckAsync"/>), each under its field.</summary>
    public static Refusal.Invalid Invalid(IEnumerable<(string Field, string Message)> errors) =>
        new([.. errors.Select(e => new FieldError(e.Field, e.Message))], "The catalogue item is not valid.");
}
