using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Deadlines;
using Approval.Engine.Http;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Cases;

/// <summary>Finding one's cases: the cases the caller may see (<see cref="CaseAccess"/>), by status, item, number and day received.</summary>
internal static class CaseListApi
{
    public const int MaxTake = 500;

    internal static async Task<Results<Ok<List<CaseSummary>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, ApprovalDbContext db, CaseAccess access, CancellationToken ct,
        string? status = null, string? item = null, string? number = null, string? from = null, string? to = null, int skip = 0, int take = 100)
    {
        var problems = new List<CalendarProblem>();
        InstanceStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                wanted = parsed;
            }
            else
            {
                problems.Add(new("status", "status is Running, Completed or Faulted."));
            }
        }

        var first = from is null ? null : PublicCalendarApi.ParseDate(from, "from", problems);
        var last = to is null ? null : PublicCalendarApi.ParseDate(to, "to", problems);
        if (skip < 0 || take is < 1 or > MaxTake)
        {
            problems.Add(new("take", $"skip is 0 or more, take between 1 and {MaxTake}."));
        }

        if (item?.Length > 50)
        {
            problems.Add(new("item", "item (an item's code) is at most 50 characters."));
        }

        if (number?.Length > CaseNumbers.MaxLength)
        {
            problems.Add(new("number", $"number (a case's 受理编号) is at most {CaseNumbers.MaxLength} characters."));
        }

        if (problems.Count > 0)
        {
            return Problems.Invalid("The case query is not valid.", problems.Select(p => (p.Where, p.Message)));
        }

        var cases = await access.Scope(db.Cases.AsNoTracking(), user, Operations.See);
        cases = wanted is null ? cases : cases.Where(c => c.Instance.Status == wanted);
        cases = item is null ? cases : cases.Where(c => c.ItemCode == item);
        cases = string.IsNullOrWhiteSpace(number) ? cases : cases.Where(c => c.Number == number.Trim());
        cases = first is null ? cases : cases.Where(c => c.ReceivedOn >= first);
        cases = last is null ? cases : cases.Where(c => c.ReceivedOn <= last);
        var list = await cases
            .OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Skip(skip).Take(take)
            .Select(c => new CaseSummary(
                c.Id, c.ItemCode, c.Instance.DefinitionId, c.Instance.Status, c.Instance.Result, c.Department, c.AcceptedWindow,
                c.ReceivedAt, c.PromisedDeadline, c.Instance.CompletedAt, c.Trial, c.Number))
            .ToListAsync(ct);
        return TypedResults.Ok(list);
    }
}

/// <summary>
/// A case as a list shows it: no applicant details, materials or data (those are the case's own read).
/// <see cref="Trial"/> marks a trial case (试运行) an administrator started from a bare flow.
/// </summary>
public sealed record CaseSummary(
    Guid Id, string? ItemCode, string DefinitionId, InstanceStatus Status, string? Result, string? Department, string? AcceptedWindow,
    DateTimeOffset ReceivedAt, DateOnly? PromisedDeadline, DateTimeOffset? CompletedAt, bool Trial, string Number);
