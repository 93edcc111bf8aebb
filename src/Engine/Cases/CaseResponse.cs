using System.Text.Json;
using Approval.Activities.Registry;
using Approval.Engine.Deadlines;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Cases;

public sealed record CaseResponse(
    Guid Id, string? ItemCode, string DefinitionId, int DefinitionVersion, InstanceStatus Status, string? Result, string? Department,
    bool MajorProject, JsonElement Applicant, JsonElement Materials, JsonElement Data, DateTimeOffset ReceivedAt, DateTimeOffset? CompletedAt,
    CaseClockView Clock, IReadOnlyList<TaskResponse> OpenTasks, IReadOnlyList<HistoryResponse> History,
    IReadOnlyList<IncidentResponse> Incidents, string Number = "", string QueryCode = "",
    IReadOnlyList<string>? CorrectionMaterials = null, decimal? FeeCharged = null, string? FeeReceipt = null)
{
    internal static async Task<CaseResponse?> LoadAsync(
        ApprovalDbContext db, ActivityRegistry registry, CaseClockReader clocks, Guid id, CancellationToken ct)
    {
        var @case = await db.Cases.AsNoTracking().Include(c => c.Instance).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return null;
        }

        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == id && t.Status == WorkTaskStatus.Open).ToListAsync(ct);
        var history = await db.History.AsNoTracking().Where(h => h.InstanceId == id).ToListAsync(ct);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.InstanceId == id).ToListAsync(ct);
        return From(@case, tasks, history, incidents, registry, await clocks.ReadAsync(@case, ct));
    }

    /// <summary>The case as it stands, from entities already at hand (just saved, or just read).</summary>
    internal static CaseResponse From(
        Case @case, IEnumerable<WorkflowTask> tasks, IEnumerable<HistoryEntry> history, IEnumerable<Incident> incidents,
        ActivityRegistry registry, CaseClockView clock)
    {
        var instance = @case.Instance;
        return new CaseResponse(
            @case.Id, @case.ItemCode, instance.DefinitionId, instance.DefinitionVersion, instance.Status, instance.Result, @case.Department,
            @case.MajorProject, JsonDocument.Parse(@case.Applicant).RootElement, JsonDocument.Parse(@case.Materials).RootElement,
            JsonDocument.Parse(instance.Variables).RootElement,
            @case.ReceivedAt, instance.CompletedAt, clock,
            [.. tasks.Where(t => t.Status == WorkTaskStatus.Open).OrderBy(t => t.CreatedAt).Select(t => TaskResponse.From(t, registry))],
            [.. history.OrderBy(h => h.Id).Select(h => new HistoryResponse(h.ActivityId, h.ActivityType, h.ActivityName, h.Outcome, h.Actor, h.Comment, h.At))],
            [.. incidents.OrderBy(i => i.Id).Select(i => new IncidentResponse(i.ActivityId, i.ExceptionType, i.Message, i.At))],
            @case.Number, @case.QueryCode, JsonSerializer.Deserialize<List<string>>(@case.CorrectionMaterials) ?? [], @case.FeeCharged, @case.FeeReceipt);
    }
}

public sealed record HistoryResponse(
    string ActivityId, string ActivityType, string? ActivityName, string Outcome, string? Actor, string? Comment, DateTimeOffset At);

public sealed record IncidentResponse(string ActivityId, string ExceptionType, string Message, DateTimeOffset At);
