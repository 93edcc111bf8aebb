using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Engine.Deadlines;

/// <summary>
/// Special procedures and extensions: the department that handles a case moves its clocks here. Who
/// may is each use case's to decide (the department's handlers and head; the head decides the
/// extension): a 403 or 404 says why.
/// </summary>
internal static class CaseClockApi
{
    public static IEndpointRouteBuilder MapCaseClocks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}").WithTags("Cases").RequireAuthorization(Policies.Cases.Read);
        group.MapPost("/pauses", PauseAsync).WithSummary("Start a special procedure (Art. 45): both clocks stop.");
        group.MapPost("/pauses/{pauseId:long}/end", ResumeAsync).WithSummary("End a special procedure: the clocks run again.");
        group.MapPost("/extension", RequestExtensionAsync).WithSummary("Ask the department head for the one extension (Art. 42).");
        group.MapPost("/extension/decision", DecideExtensionAsync).WithSummary("The department head approves or refuses the extension.");
        return app;
    }

    private static async Task<Results<Ok<CaseClockView>, ProblemHttpResult, ValidationProblem>> PauseAsync(
        Guid id, PauseRequest request, ClaimsPrincipal user, PauseClock pause, CancellationToken ct) =>
        (await pause.RunAsync(new(id, request.Kind, request.Reason, request.Start, request.ExpectedDays), user, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<CaseClockView>, ProblemHttpResult, ValidationProblem>> ResumeAsync(
        Guid id, long pauseId, ResumeRequest request, ClaimsPrincipal user, ResumeClock resume, CancellationToken ct) =>
        (await resume.RunAsync(new(id, pauseId, request.End), user, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<CaseClockView>, ProblemHttpResult, ValidationProblem>> RequestExtensionAsync(
        Guid id, ExtensionRequest request, ClaimsPrincipal user, RequestExtension extension, CancellationToken ct) =>
        (await extension.RunAsync(new(id, request.Reason), user, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<CaseClockView>, ProblemHttpResult, ValidationProblem>> DecideExtensionAsync(
        Guid id, ExtensionDecision request, ClaimsPrincipal user, DecideExtension decide, CancellationToken ct) =>
        (await decide.RunAsync(new(id, request.Approve, request.Comment), user, ct)).ToHttp(TypedResults.Ok);
}

public sealed record PauseRequest(SpecialProcedure Kind, string Reason, DateOnly? Start = null, int? ExpectedDays = null);

public sealed record ResumeRequest(DateOnly? End = null);

public sealed record ExtensionRequest(string Reason);

public sealed record ExtensionDecision(bool Approve, string? Comment = null);
