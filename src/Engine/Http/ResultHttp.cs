using Approval.Engine.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Engine.Http;

/// <summary>Maps a use case's <see cref="Result{T}"/> to the API's answer: its value, or the refusal's ProblemDetails.</summary>
internal static class ResultHttp
{
    /// <summary>The success answer made by <paramref name="ok"/>, or the refusal's 400, 403, 404 or 409.</summary>
    public static Results<TOk, ProblemHttpResult, ValidationProblem> ToHttp<T, TOk>(this Result<T> result, Func<T, TOk> ok)
        where TOk : IResult
    {
        if (result.Refusal is null)
        {
            return ok(result.Value!);
        }

        return result.Refusal switch
        {
            Refusal.Invalid invalid => invalid.ToValidationProblem(),
            Refusal.InvalidDefinition definition => Problems.InvalidDefinition(definition.Errors),
            var refusal => refusal.ToProblem(),
        };
    }

    public static ValidationProblem ToValidationProblem(this Refusal.Invalid invalid) =>
        Problems.Invalid(invalid.Title, invalid.Errors.Select(e => (e.Field, e.Message)));

    /// <summary>A refusal other than an invalid command, as its ProblemDetails.</summary>
    public static ProblemHttpResult ToProblem(this Refusal refusal) => refusal switch
    {
        Refusal.NotFound r => Problems.NotFound(r.Detail),
        Refusal.Forbidden r => Problems.Forbidden(r.Detail),
        Refusal.Conflict r => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: r.Title, detail: r.Detail, extensions: r.Extensions),
        _ => throw new ArgumentException($"{refusal.GetType().Name} is answered as a validation problem.", nameof(refusal)),
    };
}
