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
/// The one way a human step moves on: completing its task (the inbox that lists them is the Inbox
/// feature's). A department head's escalation tasks of red cards are completed the same way.
/// </summary>
internal static class TasksApi
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(Policies.Tasks.Read);
        // Who may complete the task is CompleteTask's to decide (role, department, the window's grants): a 403 or 404 says why.
        group.MapPost("/{id:guid}/complete", CompleteAsync)
            .WithSummary("Complete a task with one of its activity's outcomes.");
        return app;
    }

    private static async Task<Results<Ok<CompleteTaskResponse>, ProblemHttpResult, ValidationProblem>> CompleteAsync(
        Guid id, CompleteTaskRequest request, ClaimsPrincipal user, CompleteTask complete, CancellationToken ct) =>
        (await complete.RunAsync(new CompleteTaskCommand(id, request.Outcome, request.Comment, request.Details), user, ct)).ToHttp(TypedResults.Ok);
}
