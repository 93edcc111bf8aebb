using System.Security.Claims;
using Approval.Activities.Registry;
using Approval.Engine.Access;
using Approval.Engine.Http;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Tasks;

/// <summary>
/// The inbox and the one way a human step moves on: completing its task. A department head's inbox
/// also holds the escalation tasks of red cards, completed the same way.
/// </summary>
internal static class TasksApi
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(Policies.Tasks.Read);
        group.MapGet("", InboxAsync).WithSummary(
            "Open tasks the caller may act on (by role and department; for a clerk, the items their window serves), oldest first; the supervision office reads every open task.");
        // Who may complete the task is CompleteTask's to decide (role, department, the window's grants): a 403 or 404 says why.
        group.MapPost("/{id:guid}/complete", CompleteAsync)
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
        Guid id, CompleteTaskRequest request, ClaimsPrincipal user, CompleteTask complete, CancellationToken ct) =>
        (await complete.RunAsync(new CompleteTaskCommand(id, request.Outcome, request.Comment), user, ct)).ToHttp(TypedResults.Ok);
}
