using Approval.Engine.Deadlines;
using System.Security.Claims;
using Approval.Activities.Registry;
using Approval.Engine.Access;
using Approval.Engine.Http;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Supervision;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Tasks;

/// <summary>
/// The inbox and the one way a human step moves on: completing its task. A department head's inbox
/// also holds the escalation tasks of red cards, completed the same way.
/// </summary>
internal static class TasksApi
{
    public const int MaxCommentLength = 2000;

    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(Policies.Tasks.Read);
        group.MapGet("", InboxAsync).WithSummary(
            "Open tasks the caller may act on (by role and department; for a clerk, the items their window serves), oldest first; the supervision office reads every open task.");
        group.MapPost("/{id:guid}/complete", CompleteAsync)
            .RequireAuthorization(Policies.Tasks.Complete)
            .WithSummary("Complete a task with one of its activity's outcomes.");
        return app;
    }

    private static async Task<Results<Ok<List<TaskResponse>>, ValidationProblem>> InboxAsync(
        ClaimsPrincipal user, TaskAccess access, ActivityRegistry registry, CancellationToken ct, int skip = 0, int take = 100)
    {
        if (skip < 0 || take is < 1 or > 500)
        {
            return Problems.Invalid("take", "skip must be 0 or more and take between 1 and 500.");
        }

        var tasks = await access.Inbox(user)
            .OrderBy(t => t.CreatedAt)
            .Skip(skip)
            .Take(take)
            .ToListAsync(ct);
        return TypedResults.Ok(tasks.Select(t => TaskResponse.From(t, registry)).ToList());
    }

    private static async Task<Results<Ok<CompleteTaskResponse>, ProblemHttpResult, ValidationProblem>> CompleteAsync(
        Guid id, CompleteTaskRequest request, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization,
        WorkflowRuntime runtime, EscalationTasks escalations, ActivityRegistry registry, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (await authorization.RefuseAsync(user, task, Operations.Complete, $"There is no task {id}.") is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(request.Outcome))
        {
            return Problems.Invalid("outcome", "outcome is required.");
        }

        if (request.Comment?.Length > MaxCommentLength)
        {
            return Problems.Invalid("comment", $"comment is longer than {MaxCommentLength} characters.");
        }

        var actor = Actor.From(user);
        var completion = await runtime.CompleteTaskAsync(id, request.Outcome, request.Comment, actor, ct);
        if (completion.Result == Completion.Status.NotAStep)
        {
            completion = await escalations.CompleteAsync(completion.Task!, request.Outcome, request.Comment, actor, ct);
        }

        return completion.Result switch
        {
            Completion.Status.Completed => TypedResults.Ok(new CompleteTaskResponse(
                TaskResponse.From(completion.Task!, registry),
                completion.Task!.Instance.Status,
                completion.Task.Instance.Result,
                [.. completion.OpenedTasks!.Select(t => TaskResponse.From(t, registry))])),
            Completion.Status.NotFound => Problems.NotFound($"There is no task {id}."),
            Completion.Status.Forbidden => Problems.Forbidden(completion.Refusal ??
                $"This task is for role {completion.Task!.Role}{(completion.Task.Department is null ? "" : $" of department {completion.Task.Department}")}."),
            Completion.Status.Conflict => Problems.Conflict($"Task {id} is no longer open: it was completed or closed."),
            Completion.Status.CommentRequired => Problems.Invalid("comment", "Say in the comment what was done about it."),
            _ => Problems.Invalid("outcome",
                $"'{request.Outcome}' is not an outcome of this step; it has: {string.Join(", ", completion.AllowedOutcomes!)}."),
        };
    }
}
