using System.Diagnostics;

namespace Approval.Bench;

/// <summary>
/// What the host does with no workflow work: GET /health (anonymous, opens a database
/// connection) and GET /api/tasks?take=1 (JWT validation plus one indexed query).
/// </summary>
internal static class Baseline
{
    public static async Task<List<string>> RunAsync(
        EngineClient client, EngineCpu engineCpu, string token, int requests, int concurrency, CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var (name, path, bearer) in new[] { ("GET /health", "/health", (string?)null), ("GET /api/tasks?take=1", "/api/tasks?take=1", token) })
        {
            var latencies = new Latencies(requests);
            var cpuBefore = engineCpu.Read();
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(Enumerable.Range(0, requests),
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
                async (_, token) => await client.GetAsync(path, bearer, latencies, token));
            var elapsed = Stopwatch.GetElapsedTime(started);
            var (p50, p95, p99, _) = latencies.Percentiles();
            lines.Add($"{name,-22} {requests / elapsed.TotalSeconds,6:F0} req/s  p50 {p50:F1}  p95 {p95:F1}  p99 {p99:F1} ms  "
                + EngineCpu.Describe(cpuBefore, engineCpu.Read(), elapsed, requests, "request"));
        }

        return lines;
    }
}
