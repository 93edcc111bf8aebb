using System.Security.Claims;
using System.Text.Json;
using Approval.Activities.Contract;
using Approval.Activities.Registry;
using Approval.Engine.Definitions;
using Approval.Engine.Http;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Cases;

/// <summary>Applications: filed at a window or on line, each run by its flow's current published version.</summary>
internal static class CasesApi
{
    public const int MaxDataLength = 64 * 1024;

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();
        group.MapPost("", CreateAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.WindowStaff, Roles.Applicant))
            .WithSummary("File an application; its flow starts at once.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A case with its status, open tasks and history.");
        return app;
    }

    private static async Task<Results<Created<CaseResponse>, ValidationProblem>> CreateAsync(
        CreateCaseRequest request, ClaimsPrincipal user, ApprovalDbContext db, DefinitionStore definitions,
        WorkflowRuntime runtime, ActivityRegistry registry, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionId))
        {
            return Problems.Invalid("definitionId", "definitionId is required.");
        }

        foreach (var (name, value) in new[] { ("applicant", request.Applicant), ("data", request.Data) })
        {
            if (value is { } v && v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined))
            {
                return Problems.Invalid(name, $"{name} must be a JSON object.");
            }

            if (value is { } big && big.ValueKind == JsonValueKind.Object && big.GetRawText().Length > MaxDataLength)
            {
                return Problems.Invalid(name, $"{name} is larger than {MaxDataLength} characters.");
            }
        }

        if (request.Department?.Length > 100)
        {
            return Problems.Invalid("department", "department is at most 100 characters.");
        }

        var flow = await definitions.GetCurrentAsync(db, request.DefinitionId, ct);
        if (flow is null)
        {
            return Problems.Invalid("definitionId", $"There is no published flow '{request.DefinitionId}'.");
        }

        var actor = Actor.From(user);
        var (instance, tasks) = await runtime.StartAsync(flow, ObjectOrEmpty(request.Data), request.Department, actor, ct);
        var @case = new Case
        {
            Id = instance.Id,
            Instance = instance,
            Applicant = ObjectOrEmpty(request.Applicant),
            Department = request.Department,
            CreatedBy = actor.UserId,
            ReceivedAt = instance.CreatedAt,
        };
        db.Cases.Add(@case);
        await db.SaveChangesAsync(ct);

        // Everything the answer shows was just written by this context: no need to read it back.
        var response = CaseResponse.From(
            @case, tasks, db.History.Local.Where(h => h.InstanceId == @case.Id), db.Incidents.Local.Where(i => i.InstanceId == @case.Id), registry);
        return TypedResults.Created($"/api/cases/{@case.Id}", response);
    }

    private static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, ApprovalDbContext db, ActivityRegistry registry, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var response = await CaseResponse.LoadAsync(db, registry, id, ct);

        // Applicants see their own applications only; others' must not even be seen to exist.
        var ownOnly = actor.Roles.All(r => r == Roles.Applicant);
        if (response is null || (ownOnly && await db.Cases.AnyAsync(c => c.Id == id && c.CreatedBy != actor.UserId, ct)))
        {
            return Problems.NotFound($"There is no case {id}.");
        }

        return TypedResults.Ok(response);
    }

    private static string ObjectOrEmpty(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v ? v.GetRawText() : "{}";
}

public sealed record CreateCaseRequest(string DefinitionId, JsonElement? Applicant, JsonElement? Data, string? Department);
