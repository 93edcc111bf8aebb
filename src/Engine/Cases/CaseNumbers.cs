using System.Security.Cryptography;
using Approval.Engine.Storage;

namespace Approval.Engine.Cases;

/// <summary>
/// A case's 受理编号 and 查询码. The number is the county's code, the day received and that day's
/// sequence (<c>452624-20261207-0001</c>; a trial case's is <c>452624-20261207-S0001</c>, a sequence of
/// its own, so trying flows out leaves no gaps in the real ones), given when the case is saved
/// (<see cref="SequenceNumbers"/>). The query code is six characters from 32 that cannot be misread
/// (no 0, O, 1 or I), drawn by the cryptographic generator: a billion codes per number.
/// </summary>
public static class CaseNumbers
{
    public const int MaxLength = 32;

    public const int QueryCodeLength = 6;

    public const string QueryCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string Prefix(string countyCode, DateOnly receivedOn, bool trial) =>
        $"{countyCode}-{receivedOn:yyyyMMdd}-{(trial ? "S" : "")}";

    public static string Compose(string prefix, int sequence) => prefix + sequence.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    public static string NewQueryCode() => RandomNumberGenerator.GetString(QueryCodeAlphabet, QueryCodeLength);

    /// <summary>Whether a query code is well formed (six of the alphabet's characters), as typed, in any case.</summary>
    public static bool IsQueryCode(string? code) =>
        code is { Length: QueryCodeLength } && code.ToUpperInvariant().All(QueryCodeAlphabet.Contains);
}
