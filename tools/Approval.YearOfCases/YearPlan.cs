using Approval.Engine.Catalogue;
using Approval.Engine.Deadlines;

namespace Approval.YearOfCases;

/// <summary>What one simulated application goes through: a step at a China-time instant.</summary>
internal enum StepKind
{
    File,
    Accept,
    Correct,
    Refuse,
    Review,
    Return,
    Decide,
    Deny,
    Certify,
    PauseStart,
    PauseEnd,
    ExtensionRequest,
    ExtensionApprove,
}

internal sealed record PlannedStep(DateTimeOffset At, StepKind Kind);

/// <summary>A catalogue item as the plan needs it, with the materials an applicant brings (the whole one-time notification list).</summary>
internal sealed record PlanItem(
    string Code, string Department, CaseKind Kind, int PromisedLimit, int StatutoryLimit, int ExtensionDays, string Flow,
    IReadOnlyList<Material> Materials, Fee? Fee = null)
{
    public static PlanItem From(PowerItem item) => new(
        item.Code, item.Department, item.CaseKind, item.PromisedLimit, item.StatutoryLimit, item.ExtensionDays, item.DefinitionId, item.Materials, item.Fee);
}

/// <summary>One application: its item, the window that receives it, whether it ends up accepted on receipt, and its steps.</summary>
internal sealed record PlannedCase(int Number, PlanItem Item, string Window, bool DeemedAccepted, IReadOnlyList<PlannedStep> Steps);

/// <summary>
/// Plans a year of applications, reproducibly from a seed. The accepted ones are spread over the
/// working days (Mondays busier, Fridays quieter, each day ±15%). Instant items are accepted, decided
/// and certified in one visit. A promised item takes a number of working days drawn within its
/// promised limit (some the same day); a few are denied, returned once by the reviewer, stopped by an
/// inspection of 1 to 5 working days, extended by the head, or finished late. A few need a
/// correction first, a few are accepted only after the 5-day notice period (so on receipt), and a few
/// are refused at the window on top of the accepted ones. Steps falling after the last day are never
/// taken: those cases are still open when the year ends.
/// </summary>
internal static class YearPlan
{
    public const double RefusedShare = 0.004;
    public const double CorrectionShare = 0.03;
    public const double DeemedShare = 0.002;
    public const double DeniedShare = 0.02;
    public const double ReturnedShare = 0.01;
    public const double PausedShare = 0.02;
    public const double ExtendedShare = 0.005;
    public const double LateShare = 0.003;

    public static List<PlannedCase> Make(YearOptions options, IReadOnlyList<PlanItem> catalogue, WorkingCalendar calendar)
    {
        var random = new Random(options.Seed);
        var days = Enumerable.Range(0, options.To.DayNumber - options.From.DayNumber + 1)
            .Select(options.From.AddDays).Where(calendar.IsWorkingDay).ToList();
        if (days.Count == 0)
        {
            throw new InvalidOperationException($"There is no working day from {options.From:yyyy-MM-dd} to {options.To:yyyy-MM-dd}.");
        }

        var dayWeights = Cumulative(days.Select(d => d.DayOfWeek switch
        {
            DayOfWeek.Monday => 1.15,
            DayOfWeek.Friday => 0.9,
            _ => 1.0,
        } * (0.85 + 0.3 * random.NextDouble())).ToList());
        var items = catalogue.ToDictionary(i => i.Code);
        var mix = ItemMix.Items.Where(m => items.ContainsKey(m.Code)).ToList();
        var byKind = new[] { CaseKind.Instant, CaseKind.Promised }.ToDictionary(
            kind => kind,
            kind => mix.Where(m => items[m.Code].Kind == kind).ToList());

        var plan = new List<PlannedCase>();
        for (var n = 0; n < options.Accepted; n++)
        {
            var kind = random.NextDouble() < ItemMix.InstantShare && byKind[CaseKind.Instant].Count > 0 ? CaseKind.Instant : CaseKind.Promised;
            var (code, _, windows) = Pick(random, byKind[kind], m => m.Weight);
            var day = days[Pick(random, dayWeights)];
            plan.Add(Accepted(random, plan.Count, items[code], windows[random.Next(windows.Length)], day, days, calendar));
        }

        for (var n = 0; n < (int)Math.Round(options.Accepted * RefusedShare); n++)
        {
            var (code, _, windows) = Pick(random, mix, m => m.Weight);
            var at = At(days[Pick(random, dayWeights)], 510 + 15 * random.Next(33));
            plan.Add(new PlannedCase(plan.Count, items[code], windows[random.Next(windows.Length)], false,
                [new(at, StepKind.File), new(at.AddMinutes(10), StepKind.Refuse)]));
        }

        return plan;
    }

    private static PlannedCase Accepted(
        Random random, int number, PlanItem item, string window, DateOnly accepted, List<DateOnly> days, WorkingCalendar calendar)
    {
        var steps = new List<PlannedStep>();
        var index = days.IndexOf(accepted);
        var deemed = false;
        DateTimeOffset acceptAt;
        var path = random.NextDouble();
        if (path < DeemedShare && index >= 6)
        {
            // No notice within 5 working days: accepted by law on the day of receipt.
            var filed = At(days[index - 6], 540 + 15 * random.Next(28));
            steps.Add(new(filed, StepKind.File));
            acceptAt = At(accepted, 570);
            deemed = true;
        }
        else if (path < DeemedShare + CorrectionShare && index >= 3)
        {
            var filed = At(days[index - 1 - random.Next(3)], 540 + 15 * random.Next(28));
            steps.Add(new(filed, StepKind.File));
            steps.Add(new(filed.AddMinutes(10), StepKind.Correct));
            acceptAt = At(accepted, 570);
        }
        else
        {
            acceptAt = At(accepted, 520 + 15 * random.Next(32));
            steps.Add(new(acceptAt.AddMinutes(-10), StepKind.File));
        }

        steps.Add(new(acceptAt, StepKind.Accept));
        if (item.Kind == CaseKind.Instant)
        {
            var denied = random.NextDouble() < DeniedShare / 2;
            steps.Add(new(acceptAt.AddMinutes(10), denied ? StepKind.Deny : StepKind.Decide));
            if (!denied)
            {
                steps.Add(new(acceptAt.AddMinutes(20), StepKind.Certify));
            }
        }
        else
        {
            Promised(random, item, accepted, acceptAt, calendar, steps);
        }

        return new PlannedCase(number, item, window, deemed, [.. steps.OrderBy(s => s.At)]);
    }

    // The steps after acceptance, over T working days of the clock (plus any days an inspection stops it).
    private static void Promised(Random random, PlanItem item, DateOnly accepted, DateTimeOffset acceptAt, WorkingCalendar calendar, List<PlannedStep> steps)
    {
        var p = item.PromisedLimit;
        var roll = random.NextDouble();
        var late = roll < LateShare;
        var extended = !late && roll < LateShare + ExtendedShare && item.ExtensionDays > 0;
        var taken = late ? p + 1 + random.Next(3)
            : extended ? p + 1 + random.Next(item.ExtensionDays)
            : random.NextDouble() < (p == 1 ? 0.5 : 0.12) ? 0
            : Math.Clamp((int)Math.Ceiling(p * Math.Pow(random.NextDouble(), 1.3) * 0.85), 1, p);
        var (stopAfter, stopped) = taken >= 2 && random.NextDouble() < PausedShare ? (1 + random.Next(taken - 1), 1 + random.Next(5)) : (-1, 0);
        DateOnly Day(int k) => calendar.AddWorkingDays(accepted, stopped > 0 && k > stopAfter ? k + stopped : k);

        if (taken == 0)
        {
            steps.Add(new(acceptAt.AddMinutes(60), StepKind.Review));
            steps.Add(new(acceptAt.AddMinutes(120), StepKind.Decide));
            steps.Add(new(acceptAt.AddMinutes(180), StepKind.Certify));
            return;
        }

        var (review, decide) = (taken / 3, 2 * taken / 3);
        var reviewAt = review == 0 ? acceptAt.AddMinutes(60) : At(Day(review), 540 + 15 * random.Next(12));
        if (item.Flow == "standard-licence" && random.NextDouble() < ReturnedShare)
        {
            steps.Add(new(reviewAt, StepKind.Return));
            steps.Add(new(reviewAt.AddMinutes(30), StepKind.Accept));
            reviewAt = reviewAt.AddMinutes(60);
        }

        steps.Add(new(reviewAt, StepKind.Review));
        var denied = random.NextDouble() < DeniedShare;
        if (denied)
        {
            steps.Add(new(At(Day(taken), 900), StepKind.Deny));
        }
        else
        {
            steps.Add(new(decide == 0 ? reviewAt.AddMinutes(60) : At(Day(decide), 840 + 15 * random.Next(8)), StepKind.Decide));
            steps.Add(new(At(Day(taken), 960 + 15 * random.Next(4)), StepKind.Certify));
        }

        if (extended)
        {
            steps.Add(new(At(Day(1), 600), StepKind.ExtensionRequest));
            steps.Add(new(At(Day(1), 660), StepKind.ExtensionApprove));
        }

        if (stopped > 0)
        {
            var start = Day(stopAfter);
            steps.Add(new(At(start, 1035), StepKind.PauseStart));
            steps.Add(new(At(calendar.AddWorkingDays(start, stopped), 520), StepKind.PauseEnd));
        }
    }

    /// <summary>A China day's minute as an instant.</summary>
    public static DateTimeOffset At(DateOnly day, int minute) => ChinaTime.StartOf(day).AddMinutes(minute);

    private static List<double> Cumulative(List<double> weights)
    {
        var sum = 0.0;
        return [.. weights.Select(w => sum += w)];
    }

    private static int Pick(Random random, List<double> cumulative)
    {
        var index = cumulative.BinarySearch(random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Count - 1);
    }

    private static T Pick<T>(Random random, List<T> choices, Func<T, int> weight)
    {
        var roll = random.Next(choices.Sum(weight));
        foreach (var choice in choices)
        {
            roll -= weight(choice);
            if (roll < 0)
            {
                return choice;
            }
        }

        return choices[^1];
    }
}
