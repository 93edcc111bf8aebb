using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Http;

/// <summary>
/// A body that does not read as the request it should be is the caller's mistake: 400 (413 when too
/// large) saying what and where. Two writers racing for the same row get a 409. Anything else is
/// ours: 500 without a stack trace, SQL or any other internals, which go to the log only.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(context, exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        else
        {
            logger.LogDebug(exception, "{Status} on {Method} {Path}", problem.Status, context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(HttpContext context, Exception exception)
    {
        switch (exception)
        {
            case BadHttpRequestException bad:
                var json = bad.InnerException as JsonException;
                var problem = new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.",
                    Detail = json?.Message ?? bad.Message,
                };
                if (json?.Path is not null)
                {
                    problem.Extensions["path"] = json.Path;
                }

                return problem;
            case DbUpdateConcurrencyException:
                return Conflict("Someone else changed the same record at the same time; read it again and retry.");
            case DbUpdateException { InnerException: { } inner } when IsConstraint(inner):
                return Conflict("The change clashes with a record that already exists or was changed at the same time; read it again and retry.");
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The request was cancelled.",
                    Detail = "The caller closed the request before it finished; nothing was changed by it.",
                };
            default:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "An unexpected error occurred.",
                    Detail = "The error has been logged; nothing was changed by this request.",
                };
        }
    }

    private static ProblemDetails Conflict(string detail) =>
        new() { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = detail };

    // SQLite's constraint family (unique, primary key, foreign key, check); SQL Server's unique index,
    // primary key and foreign key violations.
    private static bool IsConstraint(Exception inner) => inner switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627 or 547,
        _ => false,
    };
}
