namespace Approval.Bench;

/// <summary>
/// The engine process's CPU time, read from /proc when the engine runs on this machine
/// (<c>--engine-pid</c>): it tells waiting on locks from running out of cores.
/// </summary>
internal sealed class EngineCpu(int? pid)
{
    // USER_HZ: 100 on every Linux the bench is likely to meet.
    private const double TicksPerSecond = 100;

    public TimeSpan? Read()
    {
        if (pid is not { } id || !File.Exists($"/proc/{id}/stat"))
        {
            return null;
        }

        // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
        var stat = File.ReadAllText($"/proc/{id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static string Describe(TimeSpan? before, TimeSpan? after, TimeSpan wall, int operations, string unit) =>
        before is { } b && after is { } a
            ? $"{(a - b).TotalMilliseconds / Math.Max(operations, 1):F2} ms CPU per {unit}, {(a - b) / wall:F2} cores busy"
            : "n/a (pass --engine-pid)";
}
