using System.Text.Json;

namespace Approval.Bench;

// Only the fields the bench reads; the engine writes camelCase and enums as strings.
internal sealed record LoginResponse(string AccessToken, int ExpiresIn);

internal sealed record TaskRef(Guid Id, string ActivityId);

internal sealed record CreatedCase(Guid Id, string Status, List<TaskRef> OpenTasks);

internal sealed record CompletedTask(string CaseStatus, string? CaseResult, List<TaskRef> OpenedTasks);

internal sealed record CaseView(Guid Id, string Status, string? Result, List<TaskRef> OpenTasks);

internal static class Wire
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
