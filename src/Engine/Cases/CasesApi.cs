using System.Security.Claims;
using Approval.Activities.Registry;
using Approval.Engine.Access;
using Approval.Engine.Deadlines;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Cases;

/// <summary>Applications: filed at a window or on line, each run by its flow's current published version.</summary>
internal static class CasesApi
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Cases.Read);
        group.MapPost("", CreateAsync)
            .WithSummary("File an application for an item; the item's published flow starts at once.");
        group.MapGet("", CaseListApi.ListAsync)
            .WithSummary("The cases the caller may see, newest first: ?status=Running|Completed|Faulted &item= &number= (受理编号) &from=&to= (received, YYYY-MM-DD) &skip=&take=.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A case with its status, clocks, open tasks and history.");
        return app;
    }

    // Who may file which is the use case's to say: the endpoint only asks that the caller be signed in (the group's policy).
    private static async Task<Results<Created<CaseResponse>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        FileCaseCommand command, ClaimsPrincipal user, FileCase fileCase, CancellationToken ct) =>
        (await fileCase.RunAsync(command, user, ct)).ToHttp(c => TypedResults.Created($"/api/cases/{c.Id}", c));

    internal static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization, ActivityRegistry registry,
        CaseClockReader clockReader, CancellationToken ct)
    {
        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (await authorization.RefuseAsync(user, @case, Operations.Read, $"There is no case {id}.") is { } refused)
        {
            return refused;
        }

        var response = await CaseResponse.LoadAsync(db, registry, clockReader, id, ct);
        return response is null ? Problems.NotFound($"There is no case {id}.") : TypedResults.Ok(response);
    }
}
