using System.Security.Claims;
using System.Text.Json;
using Approval.Activities.Contract;
using Approval.Activities.Registry;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Catalogue;
using Approval.Engine.Deadlines;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Approval.Engine.Windows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Engine.Cases;

/// <summary>
/// An application: for an item (<see cref="ItemCode"/>), or, for an administrator trying a flow
/// (试运行), a bare <see cref="DefinitionId"/> with an optional <see cref="Department"/>.
/// </summary>
internal sealed record FileCaseCommand(
    string? ItemCode = null,
    JsonElement? Applicant = null,
    IReadOnlyList<SuppliedMaterial>? Materials = null,
    bool MajorProject = false,
    JsonElement? Data = null,
    string? DefinitionId = null,
    string? Department = null);


/// <summary>
/// Files an application (办件) for an item in force, or starts a trial case (试运行) of a bare flow;
/// either way the flow's current published version starts at once.
/// </summary>
internal sealed class FileCase(
    ApprovalDbContext db, IAuthorizationService authorization, DefinitionStore definitions, WorkflowRuntime runtime,
    ActivityRegistry registry, CatalogueEditor catalogue, CaseClockReader clockReader, TimerSchedule timers, WindowDesk desk, AuditLog audit,
    IOptions<CentreOptions> centre)
{
    public const int MaxDataLength = 64 * 1024;

    public async Task<Result<CaseResponse>> RunAsync(FileCaseCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.Cases.File)).Succeeded)
        {
            return new Refusal.Forbidden("Applications are filed by applicants or at a window, and flows tried out by administrators.");
        }

        // Which of the two it is decides who may: an application names an item, a trial case a bare flow.
        var actor = Actor.From(user);
        if ((command.ItemCode is null) != (command.DefinitionId is null)
            && CaseAccess.FilingRefusal(actor, tryOut: command.ItemCode is null) is { } refused)
        {
            return new Refusal.Forbidden(refused);
        }

        if (CheckShape(command) is { } invalid)
        {
            return invalid;
        }

        string definitionId;
        string? department;
        PowerItem? item = null;
        if (command.ItemCode is not null)
        {
            item = await db.PowerItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == command.ItemCode, ct);
            var today = catalogue.Today;
            if (item is null || item.Status == ItemStatus.Cancelled || item.EffectiveFrom > today || item.EffectiveTo < today)
            {
                return new Refusal.Invalid("itemCode", $"There is no item '{command.ItemCode}' in force to apply for.");
            }

            // A clerk receives only what their window serves; an applicant files on line for any window.
            if (!actor.Roles.Contains(Roles.Applicant) && await desk.RefuseAsync(actor, item.Code, onTheSpot: false, ct) is { } refusal)
            {
                return new Refusal.Forbidden(refusal);
            }

            // The details are the applicant's, checked once it is clear the application may be filed here.
            if (ApplicantRules.Problems(command.Applicant) is { Count: > 0 } applicant)
            {
                return new Refusal.Invalid([.. applicant.Select(p => new FieldError(p.Field, p.Message))], "The applicant's details are not valid.");
            }

            (definitionId, department) = (item.DefinitionId, item.Department);
        }
        else
        {
            (definitionId, department) = (command.DefinitionId!, command.Department);
        }

        var flow = await definitions.GetCurrentAsync(db, definitionId, ct);
        if (flow is null)
        {
            return new Refusal.Invalid(command.ItemCode is null ? "definitionId" : "itemCode", $"There is no published flow '{definitionId}'.");
        }

        var (instance, tasks) = await runtime.StartAsync(flow, ObjectOrEmpty(command.Data), department, actor, ct);
        var @case = new Case
        {
            Id = instance.Id,
            Instance = instance,
            ItemCode = command.ItemCode,
            Trial = item is null,
            Applicant = ObjectOrEmpty(command.Applicant),
            Materials = JsonSerializer.Serialize(command.Materials ?? [], CatalogueJson.Options),
            MajorProject = command.MajorProject,
            Department = department,
            CreatedBy = actor.UserId,
            ReceivedAt = instance.CreatedAt,
            ReceivedOn = ChinaTime.DateOf(instance.CreatedAt),
            QueryCode = CaseNumbers.NewQueryCode(),
        };
        @case.NumberPrefix = CaseNumbers.Prefix(centre.Value.CountyCode, @case.ReceivedOn, @case.Trial);
        if (item is not null)
        {
            @case.RunsTo(item);
        }

        db.Cases.Add(@case);

        // The actor is named, not taken from a request: the designer starts trial cases outside one.
        audit.Record(AuditActions.CaseFiled, AuditResources.Case, @case.Id.ToString(), new
        {
            itemCode = command.ItemCode,
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
        return CaseResponse.From(
            @case, tasks, db.History.Local.Where(h => h.InstanceId == @case.Id), db.Incidents.Local.Where(i => i.InstanceId == @case.Id), registry,
            await clockReader.ReadAsync(@case, ct));
    }

    private static Refusal.Invalid? CheckShape(FileCaseCommand command)
    {
        if ((command.ItemCode is null) == (command.DefinitionId is null))
        {
            return new("itemCode", "Give itemCode (the item applied for), or definitionId to try a flow out, not both.");
        }

        if (command.ItemCode?.Length > 50 || command.DefinitionId?.Length > 100 || command.Department?.Length > 100)
        {
            return new("itemCode", "itemCode is at most 50 characters, definitionId and department 100.");
        }

        if (command.ItemCode is not null && command.Department is not null)
        {
            return new("department", "An item's applications go to the item's department; department is only for trying a flow.");
        }

        foreach (var (name, value) in new[] { ("applicant", command.Applicant), ("data", command.Data) })
        {
            if (value is { } v && v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined))
            {
                return new(name, $"{name} must be a JSON object.");
            }

            if (value is { } big && big.ValueKind == JsonValueKind.Object && big.GetRawText().Length > MaxDataLength)
            {
                return new(name, $"{name} is larger than {MaxDataLength} characters.");
            }
        }

        if (command.Materials is { Count: > 100 })
        {
            return new("materials", "At most 100 materials.");
        }

        for (var i = 0; i < (command.Materials?.Count ?? 0); i++)
        {
            var m = command.Materials![i];
            if (m is null || string.IsNullOrWhiteSpace(m.Name) || m.Name.Length > 200 || m.Originals is < 0 or > 99 || m.Copies is < 0 or > 99)
            {
                return new($"materials[{i}]", "Each material needs a name of at most 200 characters and originals and copies between 0 and 99.");
            }
        }

        return null;
    }

    private static string ObjectOrEmpty(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v ? v.GetRawText() : "{}";
}
