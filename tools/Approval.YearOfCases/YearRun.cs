using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Catalogue;
using Approval.Engine.Deadlines;

namespace Approval.YearOfCases;

/// <summary>
/// Takes the planned steps through the platform's HTTP API in time order: the clock is moved to each
/// step's instant, and the steps due then run, up to <c>concurrency</c> cases at a time, each case's in
/// order. What every case went through is written down in a <see cref="YearTally"/> as it happens.
/// A step that fails (any answer but 2xx) stops its case and is reported.
/// </summary>
internal sealed class YearRun(HttpClient http, Action<DateTimeOffset> moveClock, YearStaff staff, int concurrency, ILogger logger)
{
    private const int MaxReportedFailures = 20;

    private readonly List<string> _failures = [];
    private int _failed;

    public int Failed => _failed;

    public IReadOnlyList<string> Failures => _failures;

    public async Task<YearTally> RunAsync(IReadOnlyList<PlannedCase> plan, DateOnly lastDay, CancellationToken ct)
    {
        var end = ChinaTime.EndOf(lastDay);
        var cases = plan.Select(p => new CaseRun(p)).ToList();
        var moments = cases.SelectMany(c => c.Plan.Steps.Select((s, i) => (s.At, Case: c, Index: i)))
            .Where(s => s.At < end)
            .GroupBy(s => s.At)
            .OrderBy(g => g.Key)
            .ToList();
        var done = 0;
        var lastMonth = 0;
        foreach (var moment in moments)
        {
            moveClock(moment.Key);
            await Parallel.ForEachAsync(
                moment.GroupBy(s => s.Case),
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
                async (steps, token) =>
                {
                    foreach (var (_, run, index) in steps.OrderBy(s => s.Index))
                    {
                        await StepAsync(run, run.Plan.Steps[index].Kind, ChinaTime.DateOf(moment.Key), token);
                    }
                });
            done += moment.Count();
            var month = ChinaTime.DateOf(moment.Key).Month;
            if (month != lastMonth)
            {
                lastMonth = month;
                logger.LogInformation("{Day:yyyy-MM-dd}: {Done} steps taken, {Failed} failed.", ChinaTime.DateOf(moment.Key), done, _failed);
            }
        }

        return new YearTally(cases.Where(c => !c.Broken).Select(c => c.Facts).ToList());
    }

    private async Task StepAsync(CaseRun run, StepKind kind, DateOnly today, CancellationToken ct)
    {
        if (run.Broken)
        {
            return;
        }

        try
        {
            switch (kind)
            {
                case StepKind.File:
                    var created = await SendAsync(HttpMethod.Post, "/api/cases", staff.Clerk(run.Plan.Window), new
                    {
                        itemCode = run.Plan.Item.Code,
                        applicant = new { name = $"申请人{run.Plan.Number:D6}", phone = "13800000000" },
                        materials = run.Plan.Item.Materials.Select(m => new { name = m.Name, originals = m.Originals, copies = m.Copies }),
                    }, ct);
                    run.Id = created.GetProperty("id").GetString()!;
                    run.Open.AddRange(created.GetProperty("openTasks").EnumerateArray().Select(OpenTask.From));
                    run.Facts.ReceivedOn = today;
                    break;
                case StepKind.Accept:
                    await CompleteAsync(run, "Accept", "Accepted", ct);
                    run.Facts.AcceptedOn ??= run.Plan.DeemedAccepted ? run.Facts.ReceivedOn : today;
                    break;
                case StepKind.Correct:
                    await CompleteAsync(run, "Accept", "NeedsCorrection", ct);
                    break;
                case StepKind.Refuse:
                    await CompleteAsync(run, "Accept", "Refused", ct);
                    break;
                case StepKind.Review:
                    while (run.Open.Any(t => t.ActivityType == "Review"))
                    {
                        await CompleteAsync(run, "Review", "Pass", ct);
                    }

                    break;
                case StepKind.Return:
                    await CompleteAsync(run, "Review", "Return", ct);
                    break;
                case StepKind.Decide or StepKind.Deny:
                    await CompleteAsync(run, "Decide", kind == StepKind.Decide ? "Grant" : "Deny", ct);
                    break;
                case StepKind.Certify:
                    await CompleteAsync(run, "Certify", "Issued", ct);
                    break;
                case StepKind.PauseStart:
                    var clock = await SendAsync(HttpMethod.Post, $"/api/cases/{run.Id}/pauses", staff.Handler(run.Plan.Item.Department),
                        new { kind = "Inspection", reason = "现场核查" }, ct);
                    run.PauseId = clock.GetProperty("pauses").EnumerateArray().Last().GetProperty("id").GetInt64();
                    run.Facts.Pauses.Add((today, null));
                    break;
                case StepKind.PauseEnd:
                    await SendAsync(HttpMethod.Post, $"/api/cases/{run.Id}/pauses/{run.PauseId}/end", staff.Handler(run.Plan.Item.Department), new { }, ct);
                    run.Facts.Pauses[^1] = (run.Facts.Pauses[^1].Start, today);
                    break;
                case StepKind.ExtensionRequest:
                    await SendAsync(HttpMethod.Post, $"/api/cases/{run.Id}/extension", staff.Handler(run.Plan.Item.Department),
                        new { reason = "需组织专家论证" }, ct);
                    break;
                case StepKind.ExtensionApprove:
                    await SendAsync(HttpMethod.Post, $"/api/cases/{run.Id}/extension/decision", staff.Head(run.Plan.Item.Department),
                        new { approve = true, comment = "同意延长" }, ct);
                    run.Facts.ExtensionDays = run.Plan.Item.ExtensionDays;
                    break;
            }
        }
        catch (StepFailedException e)
        {
            run.Broken = true;
            lock (_failures)
            {
                _failed++;
                if (_failures.Count < MaxReportedFailures)
                {
                    _failures.Add($"case {run.Plan.Number} ({run.Plan.Item.Code}) {kind} on {today:yyyy-MM-dd}: {e.Message}");
                }
            }
        }
    }

    // What the staff give with an outcome, as the steps' rules ask: reasons, the legal basis, the materials to correct, the fee.
    private static object Completion(CaseRun run, string outcome)
    {
        var fee = outcome == "Issued" && run.Plan.Item.Fee is { Charged: true } charged ? FeeSchedule.Amounts(charged).FirstOrDefault() : (decimal?)null;
        return new
        {
            outcome,
            comment = outcome switch
            {
                "Refused" => "不属于本中心受理范围",
                "Return" => "材料需补充说明",
                "Reject" or "Deny" => "不符合法定条件",
                _ => null,
            },
            legalBasis = outcome == "Refused" ? "《中华人民共和国行政许可法》第三十二条" : null,
            missingMaterials = outcome == "NeedsCorrection" ? run.Plan.Item.Materials.Where(m => m.Required).Select(m => m.Name).Take(1).DefaultIfEmpty("申请书").ToArray() : null,
            fee = fee is > 0 ? fee : null,
            feeReceipt = fee is > 0 ? $"票据{run.Plan.Number:D6}" : null,
        };
    }

    private async Task CompleteAsync(CaseRun run, string activityType, string outcome, CancellationToken ct)
    {
        var task = run.Open.FirstOrDefault(t => t.ActivityType == activityType)
            ?? throw new StepFailedException($"no open {activityType} task");
        var answer = await SendAsync(HttpMethod.Post, $"/api/tasks/{task.Id}/complete",
            staff.For(task.Role, task.Department ?? run.Plan.Item.Department, run.Plan.Window), Completion(run, outcome), ct);

        // A step that goes back before a parallel split closes the other branches: what it opened is all that is open.
        if (outcome == "Return")
        {
            run.Open.Clear();
        }

        run.Open.Remove(task);
        run.Open.AddRange(answer.GetProperty("openedTasks").EnumerateArray().Select(OpenTask.From));
        if (answer.GetProperty("caseStatus").GetString() == "Completed")
        {
            run.Facts.CompletedOn = ChinaTime.DateOf(answer.GetProperty("task").GetProperty("completedAt").GetDateTimeOffset());
        }
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string token, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new StepFailedException($"{(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    private sealed class StepFailedException(string message) : Exception(message);

    private sealed record OpenTask(string Id, string ActivityType, string Role, string? Department)
    {
        public static OpenTask From(JsonElement task) => new(
            task.GetProperty("id").GetString()!, task.GetProperty("activityType").GetString()!, task.GetProperty("role").GetString()!,
            task.TryGetProperty("department", out var department) ? department.GetString() : null);
    }

    private sealed class CaseRun(PlannedCase plan)
    {
        public PlannedCase Plan { get; } = plan;

        public CaseFacts Facts { get; } = new(plan.Item.Kind, plan.Item.PromisedLimit, plan.Item.StatutoryLimit);

        public List<OpenTask> Open { get; } = [];

        public string Id { get; set; } = "";

        public long PauseId { get; set; }

        public bool Broken { get; set; }
    }
}
