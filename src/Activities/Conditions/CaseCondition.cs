using NCalc;
using NCalc.Exceptions;

namespace Approval.Activities.Conditions;

/// <summary>
/// Conditions on branches, over the case data. NCalc parses and evaluates them: it has no
/// member access, no reflection and no loops, so an administrator's condition can read the case
/// data and compare it, and nothing else.
/// </summary>
public static class CaseCondition
{
    public const int MaxLength = 1000;

    /// <summary>How deeply brackets (groups and calls) may nest.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// How many steps (operators, calls, names and literals) a condition may take. NCalc has no loops,
    /// so evaluating visits each step at most once: this bounds the work a condition can ask for.
    /// </summary>
    public const int MaxSteps = 300;

    /// <summary>A last guard on the wall-clock time one evaluation may take, whatever the bounds above allow.</summary>
    public static readonly TimeSpan MaxEvaluationTime = TimeSpan.FromSeconds(1);

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

        // Brackets are counted before parsing, so no input can drive the parser's recursion deep.
        if (BracketDepth(text) > MaxDepth)
        {
            return $"The condition nests brackets more than {MaxDepth} deep.";
        }

        var expression = new Expression(text, ExpressionOptions.NoCache);
        if (expression.HasErrors())
        {
            return $"The condition does not parse: {expression.Error?.Message}";
        }

        var steps = Steps(expression.LogicalExpression!);
        if (steps > MaxSteps)
        {
            return $"The condition takes {steps} steps to evaluate; at most {MaxSteps}.";
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

    /// <exception cref="InvalidOperationException">The condition breaks the limits, fails, takes too long, or does not give true or false.</exception>
    public static bool Evaluate(string text, IReadOnlyDictionary<string, object?> variables)
    {
        // A flow published before a limit existed is held to it here too.
        if (Check(text) is { } invalid)
        {
            throw new InvalidOperationException($"The condition '{text}' cannot be evaluated: {invalid}");
        }

        var expression = new Expression(text, ExpressionOptions.AllowNullParameter);
        foreach (var (name, value) in variables)
        {
            expression.Parameters[name] = value;
        }

        object? result;
        using var timeout = new CancellationTokenSource(MaxEvaluationTime);
        try
        {
            result = expression.Evaluate(timeout.Token);
        }
        catch (Exception e) when (timeout.IsCancellationRequested && e is OperationCanceledException or NCalcException)
        {
            throw new InvalidOperationException($"The condition '{text}' took longer than {MaxEvaluationTime.TotalSeconds:0.#} s to evaluate.", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"The condition '{text}' failed: {e.Message}", e);
        }

        return result as bool?
            ?? throw new InvalidOperationException($"The condition '{text}' gave '{result}', not true or false.");
    }

    private static int BracketDepth(string text)
    {
        int depth = 0, deepest = 0;
        foreach (var c in text)
        {
            depth += c switch { '(' => 1, ')' => -1, _ => 0 };
            deepest = Math.Max(deepest, depth);
        }

        return deepest;
    }

    /// <summary>The parsed condition's number of steps (nodes).</summary>
    private static int Steps(LogicalExpression node)
    {
        IEnumerable<LogicalExpression> children = node switch
        {
            BinaryExpression b => [b.LeftExpression, b.RightExpression],
            TernaryExpression t => [t.LeftExpression, t.MiddleExpression, t.RightExpression],
            UnaryExpression u => [u.Expression],
            Function f => [.. f.Parameters],
            LogicalExpressionList list => [.. list],
            _ => [],
        };
        return 1 + children.Sum(Steps);
    }
}
