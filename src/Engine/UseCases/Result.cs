using Approval.Activities.Validation;

namespace Approval.Engine.UseCases;

/// <summary>
/// What a use case answers: its value, or the reason it refused (<see cref="Refusal"/>). Nothing
/// was changed when it refused. A value and a refusal each convert to it implicitly, so a use
/// case returns either as it is.
/// </summary>
internal readonly record struct Result<T>
{
    private Result(T? value, Refusal? refusal) => (Value, Refusal) = (value, refusal);

    public T? Value { get; }

    public Refusal? Refusal { get; }

    public bool Succeeded => Refusal is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Refusal refusal) => new(default, refusal);
}

/// <summary>Why a use case did nothing; each kind maps to one HTTP status and one ProblemDetails.</summary>
internal abstract record Refusal(string Detail)
{
    /// <summary>There is no such thing, or the caller may not know of it (404).</summary>
    public sealed record NotFound(string Detail) : Refusal(Detail);

    /// <summary>The caller may not do this (403).</summary>
    public sealed record Forbidden(string Detail) : Refusal(Detail);

    /// <summary>The thing is no longer in a state that allows it, or another change came first (409).</summary>
    public sealed record Conflict(string Detail) : Refusal(Detail)
    {
        /// <summary>What is in the way, in a few words.</summary>
        public string Title { get; init; } = "Conflict";

        /// <summary>Facts a client acts on beside the detail (the day a term ends), as members of the ProblemDetails.</summary>
        public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
    }

    /// <summary>The command is wrong; every problem under where it is: a JSON Pointer into the body or a parameter's name (400).</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors, string Title = "One or more validation errors occurred.") : Refusal(Title)
    {
        public Invalid(string field, string message)
            : this([new FieldError(field, message)])
        {
        }
    }

    /// <summary>A flow definition with errors, each with its location (400).</summary>
    public sealed record InvalidDefinition(IReadOnlyList<ValidationError> Errors) : Refusal("The flow definition is not valid.");
}

/// <summary>One thing wrong with a command: where (a field, a JSON Pointer) and what, in a sentence.</summary>
internal sealed record FieldError(string Field, string Message);
