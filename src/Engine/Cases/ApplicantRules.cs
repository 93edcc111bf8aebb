using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Approval.Engine.Cases;

/// <summary>
/// An applicant's details as a window types them: a person by name and resident identity number
/// (GB 11643: 18 characters, the birth date inside, the last a check digit), an organisation by name
/// and unified social credit code (GB 32100: 18 characters, the last a check character), a contact
/// phone (a mobile number or a landline with its area code). Each problem is reported at its field
/// (<c>applicant.idNumber</c> ...), in Chinese, for the desk to show under the field.
/// </summary>
public static partial class ApplicantRules
{
    private const string CreditCodeCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The problems with an item application's applicant, each at its field; none when the details are sound.</summary>
    public static List<(string Field, string Message)> Problems(JsonElement? applicant)
    {
        var problems = new List<(string, string)>();
        if (applicant is not { ValueKind: JsonValueKind.Object } details)
        {
            problems.Add(("applicant", "须填写申请人信息（applicant）。"));
            return problems;
        }

        var organisation = Text(details, "kind") is "organisation" or "organization" || Text(details, "creditCode") is not null;
        var name = Text(details, "name");
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            problems.Add(("applicant.name", organisation ? "须填写单位名称（至多 100 字）。" : "须填写申请人姓名（至多 100 字）。"));
        }

        if (Text(details, "idNumber") is { } id && !IsIdNumber(id))
        {
            problems.Add(("applicant.idNumber", "身份证号码不正确：须为 18 位，出生日期有效，末位校验码符合 GB 11643。"));
        }

        if (Text(details, "creditCode") is { } code && !IsCreditCode(code))
        {
            problems.Add(("applicant.creditCode", "统一社会信用代码不正确：须为 18 位，末位校验码符合 GB 32100。"));
        }

        if (organisation && Text(details, "creditCode") is null)
        {
            problems.Add(("applicant.creditCode", "单位申请须填写统一社会信用代码。"));
        }

        if (Text(details, "phone") is { } phone && !IsPhone(phone))
        {
            problems.Add(("applicant.phone", "联系电话不正确：须为 11 位手机号码，或带区号的固定电话（如 0776-3822345）。"));
        }

        return problems;
    }

    /// <summary>A resident identity number (公民身份号码, GB 11643-1999): 17 digits with a real birth date, and its check digit.</summary>
    public static bool IsIdNumber(string value)
    {
        var id = value.Trim().ToUpperInvariant();
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
        {
            return false;
        }

        if (!DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
            || born.Year < 1900)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * IdWeights[i];
        }

        return "10X98765432"[sum % 11] == id[17];
    }

    /// <summary>A unified social credit code (统一社会信用代码, GB 32100-2015): 17 characters of its set, and its check character.</summary>
    public static bool IsCreditCode(string value)
    {
        var code = value.Trim().ToUpperInvariant();
        if (code.Length != 18 || !code.All(CreditCodeCharacters.Contains))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditCodeCharacters.IndexOf(code[i], StringComparison.Ordinal) * CreditCodeWeights[i];
        }

        var check = (31 - (sum % 31)) % 31;
        return CreditCodeCharacters[check] == code[17];
    }

    /// <summary>A mainland mobile number, or a landline with its area code (and an extension).</summary>
    public static bool IsPhone(string value) => PhonePattern().IsMatch(value.Trim());

    private static string? Text(JsonElement details, string property) =>
        details.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    [GeneratedRegex(@"^(?:(?:\+?86)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$")]
    private static partial Regex PhonePattern();
}
