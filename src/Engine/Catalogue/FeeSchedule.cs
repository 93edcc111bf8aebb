using System.Globalization;
using System.Text.RegularExpressions;

namespace Approval.Engine.Catalogue;

/// <summary>
/// Whether an amount is within an item's fee schedule (收费标准). The schedule is the catalogue's text
/// ("住宅类每件80元，非住宅类每件550元；每增加一本证书加收工本费10元"): its amounts are the figures
/// before 元, and a fee is within it when it is made of them (one 80 and two 10s: 100); nothing is due
/// where the schedule waives the fee (免). An item that is not charged takes no fee.
/// </summary>
public static partial class FeeSchedule
{
    public const decimal MaxFee = 1_000_000m;

    public static IReadOnlyList<decimal> Amounts(Fee fee) =>
        fee.Standard is null ? [] : [.. AmountPattern().Matches(fee.Standard)
            .Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Where(a => a > 0).Distinct().Order()];

    /// <summary>Null when <paramref name="amount"/> may be charged; otherwise why not, in Chinese.</summary>
    public static string? Refusal(Fee fee, decimal? amount)
    {
        if (!fee.Charged)
        {
            return amount is null or 0 ? null : "本事项不收费，不得收取费用。";
        }

        if (amount is null)
        {
            return $"本事项收费（{fee.Standard}），须填写实收金额。";
        }

        if (amount < 0 || amount > MaxFee || decimal.Round(amount.Value, 2) != amount)
        {
            return "实收金额须为不小于 0 的金额，至多两位小数。";
        }

        if (amount == 0)
        {
            return fee.Standard?.Contains('免', StringComparison.Ordinal) == true ? null : $"本事项收费标准为：{fee.Standard}，不得免收。";
        }

        var amounts = Amounts(fee);
        return amounts.Count == 0 || MadeOf(amount.Value, amounts) ? null : $"实收 {amount} 元不符合收费标准：{fee.Standard}。";
    }

    // Whether the amount, in fen, is a sum of the schedule's amounts, each used any number of times.
    private static bool MadeOf(decimal amount, IReadOnlyList<decimal> amounts)
    {
        var target = (int)(amount * 100);
        var parts = amounts.Select(a => (int)(a * 100)).Where(a => a > 0).ToArray();
        var reachable = new bool[target + 1];
        reachable[0] = true;
        for (var total = 1; total <= target; total++)
        {
            reachable[total] = parts.Any(p => p <= total && reachable[total - p]);
        }

        return reachable[target];
    }

    [GeneratedRegex(@"(\d+(?:\.\d{1,2})?)\s*元")]
    private static partial Regex AmountPattern();
}
