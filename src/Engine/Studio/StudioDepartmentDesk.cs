using System.Security.Claims;
using System.Text.Json;
using Approval.Activities.Contract;
using Approval.Activities.Registry;
using Approval.Designer.Services;
using Approval.Engine.Access;
using Approval.Engine.Cases;
using Approval.Engine.Deadlines;
using Approval.Engine.Inbox;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Tasks;
using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Studio;

/// <summary>
/// The department desk over the engine's own use cases: the inbox is <see cref="ReadInbox"/>, a step is
/// completed by <see cref="CompleteTask"/>, the clocks move by <see cref="PauseClock"/>, <see cref="ResumeClock"/>,
/// <see cref="RequestExtension"/> and <see cref="DecideExtension"/>: the page keeps the API's rules, and its refusals.
/// </summary>
internal sealed class StudioDepartmentDesk(IServiceScopeFactory scopes, ActivityRegistry registry) : IDepartmentDesk
{
    public async Task<InboxView> InboxAsync(ClaimsPrincipal user, InboxFilter filter, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new([], 0, []);
        }

        await using var scope = scopes.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<ReadInbox>();
        var levels = Enum.TryParse<WarningLevel>(filter.Level, ignoreCase: true, out var level) ? new[] { level } : null;
        var scopeOf = Enum.TryParse<InboxScope>(filter.Scope, ignoreCase: true, out var s) ? s : InboxScope.All;
        var result = await inbox.RunAsync(new InboxQuery(filter.Step, null, levels, scopeOf, filter.Skip, filter.Take), user, ct);
        if (result.Value is not { } page)
        {
            return new([], 0, []);
        }

        return new InboxView(
            [.. page.Entries.Select(e => new InboxRow(
                e.Id, e.CaseId, e.CaseNumber, e.ItemName, e.ApplicantName, e.Name, e.ActivityId, e.Kind.ToString(), e.CreatedAt, e.ReceivedAt,
                e.DueOn, e.StepDaysLeft, e.CaseDaysLeft, e.Level.ToString()))],
            page.Total,
            page.Steps);
    }

    public async Task<TaskView?> TaskAsync(ClaimsPrincipal user, Guid taskId, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ApprovalDbContext>();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !(await authorization.AuthorizeAsync(user, task, Operations.See)).Succeeded)
        {
            return null;
        }

        var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == task.InstanceId, ct);
        if (found is null || !(await authorization.AuthorizeAsync(user, found, Operations.Read)).Succeeded
            || await CaseResponse.LoadAsync(db, registry, services.GetRequiredService<CaseClockReader>(), found.Id, ct) is not { } @case)
        {
            return null;
        }

        var item = @case.ItemCode is null ? null
            : await db.PowerItems.AsNoTracking().Where(i => i.Code == @case.ItemCode).Select(i => new { i.Name, i.Fee }).FirstOrDefaultAsync(ct);
        var itemName = item?.Name;
        var schedule = item?.Fee is { Charged: true } fee ? fee.Standard ?? "" : null;
        var completedByName = task.CompletedBy is null ? null
            : await db.Users.AsNoTracking().Where(u => u.UserName == task.CompletedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var files = (await db.CaseMaterials.AsNoTracking().Where(m => m.CaseId == found.Id).OrderBy(m => m.Id).ToListAsync(ct))
            .ToLookup(m => m.MaterialName);
        var supplied = JsonSerializer.Deserialize<List<SuppliedMaterial>>(found.Materials, Catalogue.CatalogueJson.Options) ?? [];
        var materials = supplied.Select(m => new TaskMaterial(m.Name, m.Originals, m.Copies, Files(files[m.Name])))
            .Concat(files.Where(g => supplied.All(m => m.Name != g.Key)).Select(g => new TaskMaterial(g.Key, 0, 0, Files(g))))
            .ToList();
        var outcomes = (TaskKindOutcomes.Of(task.Kind) ?? registry.Find(task.ActivityType)?.Outcomes ?? [])
            .Select(o => new OutcomeChoice(
                o.Name, o.DisplayName,
                task.Kind == TaskKind.Escalation || CaseCompletionRules.ReasonRequired(task.ActivityType, o.Name) is not null, // an escalation is handled with a note
                o.Name == Approval.Activities.Human.Accept.Refused, o.Name == "Issued" ? schedule : null)).ToList();
        var clock = @case.Clock;
        var open = clock.Pauses.FirstOrDefault(p => p.End is null);
        var mayMove = (await authorization.AuthorizeAsync(user, Policies.Cases.MoveClocks)).Succeeded && @case.Status == InstanceStatus.Running;
        var mayDecide = (await authorization.AuthorizeAsync(user, Policies.Cases.DecideExtension)).Succeeded && @case.Status == InstanceStatus.Running;
        return new TaskView(
            task.Id, @case.Id, @case.Number, itemName, task.Name, task.Kind.ToString(), task.Role, task.Status == WorkTaskStatus.Open, outcomes,
            task.CompletedBy, completedByName ?? task.CompletedBy, task.CompletedAt, task.Outcome,
            Applicant(user, @case.Applicant), materials, @case.CorrectionMaterials ?? [],
            [.. @case.History.Select(h => new CaseStep(h.ActivityId, h.ActivityType, h.ActivityName, h.Outcome, h.Actor, h.Comment, h.At))],
            new CaseDeadlines(
                clock.ReceivedOn, clock.AcceptedOn, clock.StatutoryLimit, clock.PromisedLimit, clock.PromisedDeadline, clock.StatutoryDeadline,
                clock.WorkingDaysLeft, clock.Paused, clock.Provisional, clock.CertificateDue,
                [.. clock.Timers.Select(t => new CaseTimer(t.Kind.ToString(), t.DueAt))]),
            new TaskClocks(open?.Id, open?.Kind.ToString(), open?.Start, clock.Extension.State.ToString(), clock.Extension.Reason, clock.Extension.Days,
                [.. Enum.GetNames<SpecialProcedure>()]),
            mayMove, mayDecide, @case.FeeCharged, @case.FeeReceipt, await StudioNotices.OfAsync(db, @case.Id, ct),
            (await authorization.AuthorizeAsync(user, task, Operations.Complete)).Succeeded);
    }

    public Task<DeskAnswer> CompleteAsync(
        ClaimsPrincipal user, Guid taskId, string outcome, string? comment, string? legalBasis, decimal? fee = null, string? feeReceipt = null,
        CancellationToken ct = default) =>
        RunAsync<CompleteTask, CompleteTaskResponse>(user, (complete, ct) => complete.RunAsync(
            new CompleteTaskCommand(taskId, outcome, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
                new StepDetails(LegalBasis: string.IsNullOrWhiteSpace(legalBasis) ? null : legalBasis.Trim(), Fee: fee,
                    FeeReceipt: string.IsNullOrWhiteSpace(feeReceipt) ? null : feeReceipt.Trim())), user, ct), ct);

    public Task<DeskAnswer> StartSpecialProcedureAsync(
        ClaimsPrincipal user, Guid caseId, string kind, string? reason, int? expectedDays, CancellationToken ct = default) =>
        Enum.TryParse<SpecialProcedure>(kind, out var procedure)
            ? RunAsync<PauseClock, CaseClockView>(user, (pause, ct) => pause.RunAsync(new PauseClockCommand(caseId, procedure, reason, ExpectedDays: expectedDays), user, ct), ct)
            : Task.FromResult(new DeskAnswer(false, Errors: new Dictionary<string, string> { ["kind"] = "请选择特别程序的种类。" }));

    public Task<DeskAnswer> EndSpecialProcedureAsync(ClaimsPrincipal user, Guid caseId, long pauseId, CancellationToken ct = default) =>
        RunAsync<ResumeClock, CaseClockView>(user, (resume, ct) => resume.RunAsync(new ResumeClockCommand(caseId, pauseId), user, ct), ct);

    public Task<DeskAnswer> RequestExtensionAsync(ClaimsPrincipal user, Guid caseId, string? reason, CancellationToken ct = default) =>
        RunAsync<RequestExtension, CaseClockView>(user, (request, ct) => request.RunAsync(new RequestExtensionCommand(caseId, reason), user, ct), ct);

    public Task<DeskAnswer> DecideExtensionAsync(ClaimsPrincipal user, Guid caseId, bool approve, string? comment, CancellationToken ct = default) =>
        RunAsync<DecideExtension, CaseClockView>(user, (decide, ct) => decide.RunAsync(new DecideExtensionCommand(caseId, approve, comment), user, ct), ct);

    /// <summary>A use case in a scope of its own, its refusal as the page shows it.</summary>
    private async Task<DeskAnswer> RunAsync<TUseCase, T>(
        ClaimsPrincipal user, Func<TUseCase, CancellationToken, Task<Result<T>>> run, CancellationToken ct)
        where TUseCase : notnull
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new DeskAnswer(false, "请先登录。");
        }

        await using var scope = scopes.CreateAsyncScope();
        var result = await run(scope.ServiceProvider.GetRequiredService<TUseCase>(), ct);
        return result.Refusal switch
        {
            null => DeskAnswer.Ok,
            Refusal.Invalid invalid => new DeskAnswer(false, invalid.Title,
                invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)))),
            Refusal.Conflict { Extensions: { } facts } conflict when facts.ContainsKey("completedByName") => new DeskAnswer(
                false, conflict.Detail, DoneBy: facts["completedByName"] as string, DoneAt: facts["completedAt"] as DateTimeOffset?),
            var refusal => new DeskAnswer(false, refusal.Detail),
        };
    }

    private static List<TaskFile> Files(IEnumerable<Materials.CaseMaterial> files) =>
        [.. files.Select(f => new TaskFile(f.FileName, f.ContentType, f.Size, $"/studio/cases/{f.CaseId}/materials/{f.Sha256}"))];

    // The applicant's details as given; an administrator, who sees a case's path, never sees them (CaseAccess).
    private static List<KeyValuePair<string, string>> Applicant(ClaimsPrincipal user, JsonElement applicant) =>
        user.IsInRole(Roles.Administrator) || applicant.ValueKind != JsonValueKind.Object ? []
            : [.. applicant.EnumerateObject()
                .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number && p.Name != "kind")
                .Select(p => KeyValuePair.Create(p.Name, p.Value.ToString()))];
}
