using System.Security.Claims;
using System.Text.Json;
using Approval.Activities.Contract;
using Approval.Activities.Registry;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Deadlines;
using Approval.Engine.Catalogue;
using Approval.Engine.Definitions;
using Approval.Engine.Http;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Supervision;
using Approval.Engine.Tasks;
using Approval.Engine.Windows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Cases;

/// <summary>Applications: filed at a window or on line, each run by its flow's current published version.</summary>
internal static class CasesApi
{
    public const int MaxDataLength = 64 * 1024;

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Cases.Read);
        group.MapPost("", CreateAsync)
            .RequireAuthorization(Policies.Cases.File)
            .WithSummary("File an application for an item; the item's published flow starts at once.");
        group.MapGet("", CaseListApi.ListAsync)
            .WithSummary("The cases the caller may see, newest first: ?status=Running|Completed|Faulted &item= &from=&to= (received, YYYY-MM-DD) &skip=&take=.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A case with its status, clocks, open tasks and history.");
        return app;
    }

    internal static async Task<Results<Created<CaseResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateCaseRequest request, ClaimsPrincipal user, ApprovalDbContext db, DefinitionStore definitions,
        WorkflowRuntime runtime, ActivityRegistry registry, CatalogueEditor catalogue, CaseClockReader clockReader,
        TimerSchedule timers, WindowDesk desk, AuditLog audit, CancellationToken ct)
    {
        if (CheckShape(request) is { } invalid)
        {
            return invalid;
        }

        var actor = Actor.From(user);
        string definitionId;
        string? department;
        PowerItem? item = null;
        if (request.ItemCode is not null)
        {
            item = await db.PowerItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == request.ItemCode, ct);
            var today = catalogue.Today;
            if (item is null || item.Status == ItemStatus.Cancelled || item.EffectiveFrom > today || item.EffectiveTo < today)
            {
                return Problems.Invalid("itemCode", $"There is no item '{request.ItemCode}' in force to apply for.");
            }

            if (CaseAccess.FilingRefusal(actor, tryOut: false) is { } refused)
            {
                return Problems.Forbidden(refused);
            }

            // A clerk receives only what their window serves; an applicant files on line for any window.
            if (!actor.Roles.Contains(Roles.Applicant) && await desk.RefuseAsync(actor, item.Code, onTheSpot: false, ct) is { } refusal)
            {
                return Problems.Forbidden(refusal);
            }

            (definitionId, department) = (item.DefinitionId, item.Department);
        }
        else
        {
            // A bare flow is how an administrator tries a flow out; applications name an item.
            if (CaseAccess.FilingRefusal(actor, tryOut: true) is { } refused)
            {
                return Problems.Forbidden(refused);
            }

            (definitionId, department) = (request.DefinitionId!, request.Department);
        }

        var flow = await definitions.GetCurrentAsync(db, definitionId, ct);
        if (flow is null)
        {
            return Problems.Invalid(request.ItemCode is null ? "definitionId" : "itemCode", $"There is no published flow '{definitionId}'.");
        }

        var (instance, tasks) = await runtime.StartAsync(flow, ObjectOrEmpty(request.Data), department, actor, ct);
        var @case = new Case
        {
            Id = instance.Id,
            Instance = instance,
            ItemCode = request.ItemCode,
            Applicant = ObjectOrEmpty(request.Applicant),
            Materials = JsonSerializer.Serialize(request.Materials ?? [], CatalogueJson.Options),
            MajorProject = request.MajorProject,
            Department = department,
            CreatedBy = actor.UserId,
            ReceivedAt = instance.CreatedAt,
            ReceivedOn = ChinaTime.DateOf(instance.CreatedAt),
            Kind = item?.CaseKind ?? CaseKind.Promised,
            StatutoryLimit = item?.StatutoryLimit ?? 0,

            // A major investment project's target is half the promised limit, rounded up.
            PromisedLimit = item is null ? 0 : request.MajorProject ? (item.PromisedLimit + 1) / 2 : item.PromisedLimit,
            ExtensionDays = item?.ExtensionDays ?? 0,
            WarningPercent = item?.WarningPercent,
        };
        db.Cases.Add(@case);

        // Named, not taken from a request: the designer files try-out cases outside one.
        audit.Record(AuditActions.CaseFiled, AuditResources.Case, @case.Id.ToString(), new
        {
            itemCode = request.ItemCode,
            definitionId,
            definitionVersion = flow.Definition.Version,
            department,
            @case.MajorProject,
            @case.Kind,
            window = actor.Window,
        }, actor);
        if (item is not null)
        {
            timers.Mark(@case.Id); // the correction notice's deadline runs from receipt
        }

        await db.SaveChangesAsync(ct);

        await timers.FlushAsync(ct);

        // Everything the answer shows was just written by this context: no need to read it back.
        var response = CaseResponse.From(
            @case, tasks, db.History.Local.Where(h => h.InstanceId == @case.Id), db.Incidents.Local.Where(i => i.InstanceId == @case.Id), registry,
            await clockReader.ReadAsync(@case, ct));
        return TypedResults.Created($"/api/cases/{@case.Id}", response);
    }

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

    private static ValidationProblem? CheckShape(CreateCaseRequest request)
    {
        if ((request.ItemCode is null) == (request.DefinitionId is null))
        {
            return Problems.Invalid("itemCode", "Give itemCode (the item applied for), or definitionId to try a flow out, not both.");
        }

        if (request.ItemCode?.Length > 50 || request.DefinitionId?.Length > 100 || request.Department?.Length > 100)
        {
            return Problems.Invalid("itemCode", "itemCode is at most 50 characters, definitionId and department 100.");
        }

        if (request.ItemCode is not null && request.Department is not null)
        {
            return Problems.Invalid("department", "An item's applications go to the item's department; department is only for trying a flow.");
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

        if (request.Materials is { Count: > 100 })
        {
            return Problems.Invalid("materials", "At most 100 materials.");
        }

        for (var i = 0; i < (request.Materials?.Count ?? 0); i++)
        {
            var m = request.Materials![i];
            if (m is null || string.IsNullOrWhiteSpace(m.Name) || m.Name.Length > 200 || m.Originals is < 0 or > 99 || m.Copies is < 0 or > 99)
            {
                return Problems.Invalid($"materials[{i}]", "Each material needs a name of at most 200 characters and originals and copies between 0 and 99.");
            }
        }

        return null;
    }

    private static string ObjectOrEmpty(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v ? v.GetRawText() : "{}";
}

/// <summary>
/// An application: for an item (<see cref="ItemCode"/>), or, for an administrator trying a flow,
/// a bare <see cref="DefinitionId"/> with an optional <see cref="Department"/>.
/// </summary>
public sealed record CreateCaseRequest(
    string? ItemCode = null,
    JsonElement? Applicant = null,
    IReadOnlyList<SuppliedMaterial>? Materials = null,
    bool MajorProject = false,
    JsonElement? Data = null,
    string? DefinitionId = null,
    string? Department = null);

/// <summary>A material the applicant handed in, against the item's one-time notification list.</summary>
public sealed record SuppliedMaterial(string Name, int Originals = 1, int Copies = 0);
