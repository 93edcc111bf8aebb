using NCalc;

namespace Approval.Activities.Conditions;

/// <summary>
/// Conditions on branches, over the case data. NCalc parses and evaluates them: it has no
/// member access, no reflection and no loops, so an administrator's condition can read the case
/// data and compare it, and nothing else.
/// </summary>
public static class CaseCondition
{
    public const int MaxLength = 1000;

    /// <summary>Null when <paramref name="text"/> is a well-formed condition, else why not.</summary>
    public static string? Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "The condition is empty.";
        }

        if (text.Length > MaxLength)
        {
            return $"The condition is longer than {MaxLength} characters.";
        }

        var expression = new Expression(text, ExpressionOptions.NoCache);
        if (expression.HasErrors())
        {
            return $"The condition does not parse: {expression.Error?.Message}";
        }

        var unknown = expression.GetFunctionNames().Where(f => !Functions.Contains(f)).ToList();
        return unknown.Count > 0
            ? $"The condition calls {string.Join(", ", unknown)}, which is not one of the functions a condition may use: {string.Join(", ", Functions.Order(StringComparer.Ordinal))}."
            : null;
    }

    // NCalc's own functions: arithmetic and choice, nothing that reaches outside the expression.
    private static readonly HashSet<string> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        "Abs", "Ceiling", "Floor", "Max", "Min", "Pow", "Round", "Sign", "Sqrt", "Truncate", "if", "ifs", "in",
    };

    /// <exception cref="InvalidOperationException">The condition fails or does not give true or false.</exception>
    public static bool Evaluate(string text, IReadOnlyDictionary<string, object?> variables)
    {
        var expression = new Expression(text, ExpressionOptions.AllowNullParameter);
        foreach (var (name, value) in variables)
        {
            expression.Parameters[name] = value;
        }

        object? result;
        try
        {
            result = expression.Evaluate();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"The condition '{text}' failed: {e.Message}", e);
        }

        return result as bool?
            ?? throw new InvalidOperationException($"The condition '{text}' gave '{result}', not true or false.");
    }
}
