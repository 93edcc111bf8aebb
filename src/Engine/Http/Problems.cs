using Approval.Activities.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Engine.Http;

/// <summary>The error answers the API gives, all ProblemDetails.</summary>
internal static class Problems
{
    /// <summary>400 listing every definition error by its JSON Pointer, with the structured list beside.</summary>
    public static ValidationProblem InvalidDefinition(IReadOnlyList<ValidationError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Path.Length == 0 ? "/" : e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The flow definition is not valid.",
            extensions: new Dictionary<string, object?> { ["validationErrors"] = errors });

    /// <summary>400 listing every problem under where it is (a JSON Pointer into the body, or a parameter's name).</summary>
    public static ValidationProblem Invalid(string title, IEnumerable<(string Where, string Message)> problems) =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Where, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            title: title);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
