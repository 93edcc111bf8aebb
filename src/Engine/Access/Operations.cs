using System.Security.Claims;
using Approval.Engine.Cases;
using Approval.Engine.Http;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Engine.UseCases;
using Approval.Engine.Windows;
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
        where T : class =>
        await authorization.RefusalAsync(user, resource, operation, notFound) is { } refusal ? refusal.ToProblem() : null;

    /// <summary>
    /// For a use case: null when <paramref name="user"/> may do <paramref name="operation"/> to <paramref name="resource"/>,
    /// else why not: <see cref="Refusal.NotFound"/> when they may not even know it exists (or it does not),
    /// <see cref="Refusal.Forbidden"/> when they may but not do this, saying why when the record's handler says.
    /// </summary>
    public static async Task<Refusal?> RefusalAsync<T>(
        this IAuthorizationService authorization, ClaimsPrincipal user, T? resource, OperationAuthorizationRequirement operation, string notFound)
        where T : class
    {
        if (resource is null || !(await authorization.AuthorizeAsync(user, resource, See)).Succeeded)
        {
            return new Refusal.NotFound(notFound);
        }

        if (operation != See && await authorization.AuthorizeAsync(user, resource, operation) is { Succeeded: false } denied)
        {
            var reasons = denied.Failure?.FailureReasons.Select(r => r.Message).Where(m => m.Length > 0).ToList() ?? [];
            return new Refusal.Forbidden($"You may not {Describe(operation)} this {Noun<T>()}{(reasons.Count == 0 ? "" : ": " + string.Join("; ", reasons))}.");
        }

        return null;
    }

    /// <summary>
    /// As <see cref="RefusalAsync{T}(IAuthorizationService, ClaimsPrincipal, T, OperationAuthorizationRequirement, string)"/>,
    /// after the role <paramref name="policy"/> for the operation (a 403 naming the roles it is for, before the record is looked at).
    /// </summary>
    public static async Task<Refusal?> RefusalAsync<T>(
        this IAuthorizationService authorization, ClaimsPrincipal user, string policy, T? resource, OperationAuthorizationRequirement operation,
        string notFound)
        where T : class
    {
        if (await authorization.AuthorizeAsync(user, policy) is { Succeeded: false } denied)
        {
            var roles = denied.Failure?.FailedRequirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList() ?? [];
            return new Refusal.Forbidden(roles.Count == 0
                ? $"You may not {Describe(operation)} any {Noun<T>()}."
                : $"You may not {Describe(operation)} any {Noun<T>()}: that is for the role{(roles.Count == 1 ? "" : "s")} {string.Join(", ", roles)}.");
        }

        return await authorization.RefusalAsync(user, resource, operation, notFound);
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

    // The record's name in a sentence, as the people who work with it say it.
    private static string Noun<T>() => typeof(T) switch
    {
        var t when t == typeof(Case) => "case",
        var t when t == typeof(WorkflowTask) => "task",
        var t when t == typeof(Warning) => "warning",
        var t when t == typeof(StaffChange) => "staff change",
        var t => t.Name.ToLowerInvariant(),
    };
}
