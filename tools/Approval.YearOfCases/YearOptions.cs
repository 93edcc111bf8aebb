using System.Globalization;

namespace Approval.YearOfCases;

/// <summary>
/// What to simulate: the working days from..to (a calendar year by default), how many applications the
/// windows accept over them (26,779, the seed centre's year), the random seed, how many requests run
/// at once, and where the database and the year's workbook go.
/// </summary>
internal sealed record YearOptions(
    DateOnly From, DateOnly To, int Accepted, int Seed, int Concurrency, string Database, string? Export)
{
    public const string Usage =
        "dotnet run --project tools/Approval.YearOfCases -- [--year 2025] [--accepted 26779] [--seed 2025] [--concurrency 4] [--database data/year-2025.db] [--export data/year-2025.xlsx]";

    public static YearOptions ForYear(int year, int accepted = 26_779, int seed = 2025) =>
        new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), accepted, seed, 4, $"data/year-{year}.db", $"data/year-{year}.xlsx");

    /// <summary>Reads the tool's arguments; null with a message when they do not read.</summary>
    public static (YearOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                return (null, $"'{args[i]}' is not an option with a value. Usage: {Usage}");
            }

            values[args[i][2..]] = args[i + 1];
        }

        var unknown = values.Keys.Except(["year", "accepted", "seed", "concurrency", "database", "export"], StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            return (null, $"Unknown option --{unknown[0]}. Usage: {Usage}");
        }

        int Number(string name, int fallback, int min, int max) =>
            !values.TryGetValue(name, out var text) ? fallback
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
            : throw new FormatException($"--{name} is a whole number from {min} to {max}.");

        try
        {
            var year = Number("year", 2025, 2000, 2100);
            var options = ForYear(year, Number("accepted", 26_779, 1, 1_000_000), Number("seed", 2025, 0, int.MaxValue)) with
            {
                Concurrency = Number("concurrency", 4, 1, 64),
            };
            return (options with
            {
                Database = values.GetValueOrDefault("database", options.Database),
                Export = values.TryGetValue("export", out var export) ? export : options.Export,
            }, null);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }
}
