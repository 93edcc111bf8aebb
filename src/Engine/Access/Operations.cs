using System.Security.Claims;
using Approval.Engine.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Engine.Access;

/// <summary>What can be done to one record. Every resource handler knows <see cref="See"/>: may the caller know it exists.</summary>
internal static class Operations
{
    /// <summary>May know the record exists (and find it in lists); failing this is a 404, never a 403.</summary>
    public static readonly OperationAuthorizationRequirement See = new() { Name = nameof(See) };

    /// <summary>May read the whole record (for a case: the applicant's details, materials and data too).</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Cases: start or end a special procedure, ask for the extension.</summary>
    public static readonly OperationAuthorizationRequirement MoveClocks = new() { Name = nameof(MoveClocks) };

    /// <summary>Cases: approve or refuse the extension.</summary>
    public static readonly OperationAuthorizationRequirement DecideExtension = new() { Name = nameof(DecideExtension) };

    /// <summary>Tasks: complete it.</summary>
    public static readonly OperationAuthorizationRequirement Complete = new() { Name = nameof(Complete) };

    /// <summary>Warnings: acknowledge or resolve it.</summary>
    public static readonly OperationAuthorizationRequirement Handle = new() { Name = nameof(Handle) };

    /// <summary>
    /// Null when <paramref name="user"/> may do <paramref name="operation"/> to <paramref name="resource"/>;
    /// else 404 when they may not even know it exists (or it does not), and 403 when they may but not do this.
    /// </summary>
    public static async Task<ProblemHttpResult?> RefuseAsync<T>(
        this IAuthorizationService authorization, ClaimsPrincipal user, T? resource, OperationAuthorizationRequirement operation, string notFound)
        where T : class
    {
        if (resource is null || !(await authorization.AuthorizeAsync(user, resource, See)).Succeeded)
        {
            return Problems.NotFound(notFound);
        }

        if (operation != See && !(await authorization.AuthorizeAsync(user, resource, operation)).Succeeded)
        {
            return Problems.Forbidden($"You may not {Describe(operation)} this {typeof(T).Name.ToLowerInvariant()}.");
        }

        return null;
    }

    private static string Describe(OperationAuthorizationRequirement operation) => operation.Name switch
    {
        nameof(Read) => "read",
        nameof(MoveClocks) => "move the clocks of",
        nameof(DecideExtension) => "decide the extension of",
        nameof(Complete) => "complete",
        nameof(Handle) => "handle",
        _ => operation.Name.ToLowerInvariant(),
    };
}
