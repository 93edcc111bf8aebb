using System.Diagnostics;
using Approval.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

const string Password = "Demo#2026";
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var ct = cancel.Token;

var failures = new Failures();
using var client = new EngineClient(options.Url, Math.Max(options.Concurrency, 8), failures);
var tokens = new Dictionary<string, string>();
foreach (var user in LicenceFlow.Steps.Select(s => s.User).Distinct())
{
    if (await client.LoginAsync(user, Password, ct) is not { } token)
    {
        Console.Error.WriteLine($"Could not log in as {user} at {options.Url}; is the engine running in Development?");
        Console.Error.WriteLine(string.Join(Environment.NewLine, failures.First));
        return 1;
    }

    tokens[user] = token;
}

var flow = new LicenceFlow(client, tokens, failures);
if (options.Warmup > 0)
{
    var (warm, _) = await flow.FileAsync(0, options.Warmup, options.Concurrency, null, ct);
    await flow.DriveAsync(warm, options.Concurrency, null, ct);
    Console.WriteLine($"warm-up: {warm.Count} cases filed and driven (not counted)");
}

var engineCpu = new EngineCpu(options.EnginePid);
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var engineBefore = engineCpu.Read();
var createLatencies = new Latencies(options.Cases);
var (cases, filing) = await flow.FileAsync(options.Warmup, options.Cases, options.Concurrency, createLatencies, ct);
var engineFiled = engineCpu.Read();
var completeLatencies = new Latencies(options.Cases * LicenceFlow.Steps.Length);
var (completions, driving) = await flow.DriveAsync(cases, options.Concurrency, completeLatencies, ct);
var engineDriven = engineCpu.Read();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
var verified = await flow.VerifyAsync(cases, options.Sample, ct);
var baseline = options.Baseline > 0
    ? await Baseline.RunAsync(client, engineCpu, tokens["head1"], options.Baseline, options.Concurrency, ct)
    : [];

var (c50, c95, c99, _) = createLatencies.Percentiles();
var (p50, p95, p99, max) = completeLatencies.Percentiles();
Console.WriteLine($"""
    engine            {options.Url}
    cases             {cases.Count} of {options.Cases} filed
    concurrency       {options.Concurrency}
    filing            {cases.Count / filing.TotalSeconds:F0} cases/s   ({filing.TotalSeconds:F2} s; p50 {c50:F1}  p95 {c95:F1}  p99 {c99:F1} ms)
    completing        {completions / driving.TotalSeconds:F0} completions/s   ({completions} in {driving.TotalSeconds:F2} s)
    completion ms     p50 {p50:F1}  p95 {p95:F1}  p99 {p99:F1}  max {max:F1}
    engine filing     {EngineCpu.Describe(engineBefore, engineFiled, filing, cases.Count, "case")}
    engine completing {EngineCpu.Describe(engineFiled, engineDriven, driving, completions, "completion")}
    bench CPU         {cpu.TotalSeconds:F1} s over {(filing + driving).TotalSeconds:F1} s of load
    verified          {verified} of {Math.Min(options.Sample, cases.Count)} sampled cases Completed/Approved
    failures          {failures.Count}
    """);
foreach (var line in baseline)
{
    Console.WriteLine($"baseline          {line}");
}

foreach (var failure in failures.First)
{
    Console.WriteLine($"  failed: {failure}");
}

return failures.Count == 0 && completions == options.Cases * LicenceFlow.Steps.Length ? 0 : 1;
