namespace Approval.Bench;

/// <summary>The command line: see <see cref="Usage"/>.</summary>
internal sealed record BenchOptions(Uri Url, int Cases, int Concurrency, int Warmup, int Baseline, int Sample, int? EnginePid)
{
    public const string Usage =
        "usage: Approval.Bench [--url http://127.0.0.1:5000] [--cases 2000] [--concurrency 32] [--warmup 100] [--baseline 0] [--sample 50] [--engine-pid PID]";

    public static BenchOptions Parse(string[] args)
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

        var known = new[] { "url", "cases", "concurrency", "warmup", "baseline", "sample", "engine-pid" };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            throw new ArgumentException($"Unknown option --{unknown}.");
        }

        return new BenchOptions(
            new Uri(values.GetValueOrDefault("url", "http://127.0.0.1:5000")),
            Number(values, "cases", 2000, min: 1),
            Number(values, "concurrency", 32, min: 1),
            Number(values, "warmup", 100, min: 0),
            Number(values, "baseline", 0, min: 0),
            Number(values, "sample", 50, min: 0),
            values.ContainsKey("engine-pid") ? Number(values, "engine-pid", 0, min: 1) : null);
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback, int min) =>
        !values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, out var n) && n >= min ? n
        : throw new ArgumentException($"--{name} must be a whole number of at least {min}.");
}
