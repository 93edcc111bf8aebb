using System.Diagnostics;

namespace Approval.Bench;

/// <summary>One human step of standard-licence: who does it and with which outcome.</summary>
internal sealed record Step(string ActivityId, string User, string Outcome);

/// <summary>
/// Drives standard-licence through the HTTP API: filing cases, then each case through
/// Accept → Review → Decide → Certify with the task id each call returns (no inbox polling).
/// </summary>
internal sealed class LicenceFlow(EngineClient client, IReadOnlyDictionary<string, string> tokens, Failures failures)
{
    public const string Filer = "window1";

    public static readonly Step[] Steps =
    [
        new("accept", "window1", "Accepted"),
        new("review", "handler1", "Pass"),
        new("decide", "head1", "Grant"),
        new("certify", "window1", "Issued"),
    ];

    public async Task<(List<CreatedCase> Cases, TimeSpan Elapsed)> FileAsync(
        int first, int count, int concurrency, Latencies? latencies, CancellationToken ct)
    {
        var created = new CreatedCase?[count];
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Parallelism(concurrency, ct), async (i, token) =>
            created[i] = await client.CreateCaseAsync(tokens[Filer], first + i, latencies, token));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return ([.. created.OfType<CreatedCase>()], elapsed);
    }

    public async Task<(int Completions, TimeSpan Elapsed)> DriveAsync(
        IReadOnlyList<CreatedCase> cases, int concurrency, Latencies? latencies, CancellationToken ct)
    {
        var completions = 0;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(cases, Parallelism(concurrency, ct), async (@case, token) =>
        {
            var task = @case.OpenTasks.FirstOrDefault(t => t.ActivityId == Steps[0].ActivityId);
            for (var s = 0; s < Steps.Length; s++)
            {
                if (task is null)
                {
                    failures.Add($"case {@case.Id}: no open '{Steps[s].ActivityId}' task was returned");
                    return;
                }

                var result = await client.CompleteAsync(tokens[Steps[s].User], task.Id, Steps[s].Outcome, latencies, token);
                if (result is null)
                {
                    return;
                }

                Interlocked.Increment(ref completions);
                var next = s + 1 < Steps.Length ? Steps[s + 1].ActivityId : null;
                task = next is null ? null : result.OpenedTasks.FirstOrDefault(t => t.ActivityId == next);
                if (next is null && result.CaseStatus != "Completed")
                {
                    failures.Add($"case {@case.Id}: status {result.CaseStatus} after the last step");
                }
            }
        });
        return (completions, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Reads back an evenly spread sample and checks each ended Completed and Approved.</summary>
    public async Task<int> VerifyAsync(IReadOnlyList<CreatedCase> cases, int sample, CancellationToken ct)
    {
        var picked = Enumerable.Range(0, Math.Min(sample, cases.Count))
            .Select(i => cases[(int)((long)i * cases.Count / Math.Min(sample, cases.Count))])
            .ToList();
        var verified = 0;
        foreach (var @case in picked)
        {
            var view = await client.GetCaseAsync(tokens[Filer], @case.Id, ct);
            if (view is { Status: "Completed", Result: "Approved", OpenTasks.Count: 0 })
            {
                verified++;
            }
            else if (view is not null)
            {
                failures.Add($"case {@case.Id}: read back as {view.Status}/{view.Result} with {view.OpenTasks.Count} open tasks");
            }
        }

        return verified;
    }

    private static ParallelOptions Parallelism(int concurrency, CancellationToken ct) =>
        new() { MaxDegreeOfParallelism = concurrency, CancellationToken = ct };
}
