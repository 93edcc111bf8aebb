namespace Approval.TimerBench;

/// <summary>The command line: see <see cref="Usage"/>.</summary>
internal sealed record TimerBenchOptions(int Cases, int TimeoutMinutes, int? Workers)
{
    public const string Usage = "usage: Approval.TimerBench [--cases 100000] [--timeout-minutes 60] [--workers N (Timers:Workers; default: the Engine's, one per core, at least 2)]";

    public static TimerBenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        var known = new[] { "cases", "timeout-minutes", "workers" };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            throw new ArgumentException($"Unknown option --{unknown}.");
        }

        return new TimerBenchOptions(
            Number(values, "cases", 100_000),
            Number(values, "timeout-minutes", 60),
            values.ContainsKey("workers") ? Number(values, "workers", 0) : null);
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback) =>
        !values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, out var n) && n >= 1 ? n
        : throw new ArgumentException($"--{name} must be a whole number of at least 1.");
}
