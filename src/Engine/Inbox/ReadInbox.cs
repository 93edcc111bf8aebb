using System.Security.Claims;
using System.Text.Json;
using Approval.Activities.Contract;
using Approval.Activities.Registry;
using Approval.Engine.Access;
using Approval.Engine.Cases;
using Approval.Engine.Deadlines;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Tasks;
using Approval.Engine.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Inbox;

/// <summary>Whose tasks an inbox shows, of those the caller may act on.</summary>
public enum InboxScope
{
    /// <summary>Every task the caller may act on (or, for the supervision office, read).</summary>
    All,

    /// <summary>Cases the caller filed or already handled a step of.</summary>
    Mine,

    /// <summary>The caller's department's tasks.</summary>
    Department,

    /// <summary>Cases received or accepted at the caller's window.</summary>
    Window,
}

/// <summary>What the inbox is asked for: filters (each optional), and the page.</summary>
public sealed record InboxQuery(
    string? Step = null, string? Item = null, IReadOnlyList<WarningLevel>? Levels = null, InboxScope Scope = InboxScope.All,
    int Skip = 0, int Take = 100, string? Number = null);

/// <summary>
/// One open task as the inbox lists it: the task, and its case's number, item and applicant (not for an
/// administrator, who sees a case's path, never the applicant's details), when received, when due, the
/// working days left on the step and the case, and its warning mark.
/// </summary>
public sealed record InboxEntry(
    Guid Id, Guid CaseId, string ActivityId, string ActivityType, string Name, string Role, string? Department, TaskKind Kind,
    DateTimeOffset CreatedAt, IReadOnlyList<OutcomeDescriptor> Outcomes,
    string? CaseNumber, string? ItemCode, string? ItemName, string? ApplicantName, DateTimeOffset? ReceivedAt,
    DateOnly? DueOn, DateOnly? StepDueOn, int? StepDaysLeft, int? CaseDaysLeft, WarningLevel Level);

/// <summary>One page of the inbox, the whole count, and the steps (activity ids) the whole inbox holds, to filter by.</summary>
public sealed record InboxPage(IReadOnlyList<InboxEntry> Entries, int Total, IReadOnlyList<string> Steps);

/// <summary>
/// The inbox (待办): the open tasks the caller may act on (<see cref="TaskAccess"/>), with their cases'
/// numbers, items, applicants and deadlines, the worst first: sorted by the day they fall due (the step's
/// limit or the case's promised deadline, whichever is first; before acceptance the correction notice's
/// day), then by arrival. The marks come from the timers' own plan (<see cref="CaseUrgency"/>).
/// </summary>
internal sealed class ReadInbox(ApprovalDbContext db, TaskAccess access, CaseUrgency urgency, ActivityRegistry registry)
{
    public const int MaxTake = 500;

    public async Task<Result<InboxPage>> RunAsync(InboxQuery query, ClaimsPrincipal user, CancellationToken ct)
    {
        if (query.Skip < 0 || query.Take is < 1 or > MaxTake)
        {
            return new Refusal.Invalid("take", $"skip must be 0 or more and take between 1 and {MaxTake}.");
        }

        if (query.Step?.Length > 100 || query.Item?.Length > 50 || query.Number?.Length > CaseNumbers.MaxLength)
        {
            return new Refusal.Invalid(query.Step?.Length > 100 ? "step" : query.Item?.Length > 50 ? "item" : "number",
                "step is at most 100 characters, item 50 and number 32.");
        }

        var actor = Actor.From(user);
        if (query.Scope == InboxScope.Department && actor.Department is null)
        {
            return new Refusal.Invalid("scope", "You belong to no department: ask for scope=mine or scope=window.");
        }

        if (query.Scope == InboxScope.Window && !actor.Roles.Contains(Roles.WindowStaff))
        {
            return new Refusal.Invalid("scope", "scope=window is for window staff.");
        }

        var tasks = access.Inbox(user);
        if (!string.IsNullOrWhiteSpace(query.Step))
        {
            tasks = tasks.Where(t => t.ActivityId == query.Step || t.Name == query.Step);
        }

        if (!string.IsNullOrWhiteSpace(query.Item))
        {
            tasks = tasks.Where(t => db.Cases.Any(c => c.Id == t.InstanceId && c.ItemCode == query.Item));
        }

        if (!string.IsNullOrWhiteSpace(query.Number))
        {
            var number = query.Number.Trim();
            tasks = tasks.Where(t => db.Cases.Any(c => c.Id == t.InstanceId && c.Number == number));
        }

        tasks = query.Scope switch
        {
            InboxScope.Mine => tasks.Where(t => db.Cases.Any(c => c.Id == t.InstanceId && c.CreatedBy == actor.UserId)
                || db.History.Any(h => h.InstanceId == t.InstanceId && h.Actor == actor.UserName)),
            InboxScope.Department => tasks.Where(t => t.Department == actor.Department),
            InboxScope.Window => InWindow(tasks, actor),
            _ => tasks,
        };

        var open = await tasks.ToListAsync(ct);
        var ids = open.Select(t => t.InstanceId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Include(c => c.Instance).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var codes = cases.Select(c => c.ItemCode).OfType<string>().Distinct().ToList();
        var names = await db.PowerItems.AsNoTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.Name, ct);
        var marks = await urgency.ReadAsync(cases, open, ct);
        var byId = cases.ToDictionary(c => c.Id);
        var showApplicant = !actor.Roles.Contains(Roles.Administrator);

        var rows = open
            .Select(t => (Task: t, Case: byId.GetValueOrDefault(t.InstanceId), Mark: marks.GetValueOrDefault(t.Id) ?? new TaskUrgency(WarningLevel.None, t.DueOn, null, null)))
            .Where(r => query.Levels is not { Count: > 0 } levels || levels.Contains(r.Mark.Level))
            .OrderBy(r => r.Mark.DueOn ?? DateOnly.MaxValue)
            .ThenByDescending(r => r.Mark.Level)
            .ThenBy(r => r.Task.CreatedAt)
            .ThenBy(r => r.Task.Id)
            .ToList();
        var page = rows.Skip(query.Skip).Take(query.Take).Select(r => new InboxEntry(
            r.Task.Id, r.Task.InstanceId, r.Task.ActivityId, r.Task.ActivityType, r.Task.Name, r.Task.Role, r.Task.Department, r.Task.Kind,
            r.Task.CreatedAt, TaskKindOutcomes.Of(r.Task.Kind) ?? registry.Find(r.Task.ActivityType)?.Outcomes ?? [],
            r.Case?.Number, r.Case?.ItemCode, r.Case?.ItemCode is { } code ? names.GetValueOrDefault(code) : null,
            showApplicant && r.Case is not null ? ApplicantName(r.Case.Applicant) : null, r.Case?.ReceivedAt,
            r.Mark.DueOn, r.Task.DueOn, r.Mark.StepDaysLeft, r.Mark.CaseDaysLeft, r.Mark.Level)).ToList();
        return new InboxPage(page, rows.Count, [.. rows.Select(r => r.Task.ActivityId).Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>The applicant's name (a person's 姓名, or an organisation's name), as the applicant details give it.</summary>
    public static string? ApplicantName(string applicant)
    {
        using var document = JsonDocument.Parse(applicant);
        foreach (var property in new[] { "name", "organisation", "organization" })
        {
            if (document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }

    // The caller's windows now: cases accepted at one of them, or received there and not accepted yet.
    private IQueryable<WorkflowTask> InWindow(IQueryable<WorkflowTask> tasks, Actor actor)
    {
        var windows = db.WindowAssignments.Where(a => a.UserId == actor.UserId && a.EndedOn == null).Select(a => a.WindowId);
        var numbers = db.Windows.Where(w => windows.Contains(w.Id)).Select(w => w.Number);
        var clerks = db.WindowAssignments.Where(a => windows.Contains(a.WindowId) && a.EndedOn == null).Select(a => a.UserId);
        return tasks.Where(t => db.Cases.Any(c => c.Id == t.InstanceId
            && ((c.AcceptedWindow != null && (numbers.Contains(c.AcceptedWindow) || c.AcceptedWindow == actor.Window))
                || (c.AcceptedWindow == null && clerks.Contains(c.CreatedBy)))));
    }
}
