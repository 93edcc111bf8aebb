using System.Text.RegularExpressions;

namespace Approval.Engine.Windows;

/// <summary>What a window entry must look like; each problem is named by the field it concerns.</summary>
internal static partial class WindowRules
{
    public const int MaxDepartments = 20;

    public static List<(string Field, string Message)> Check(WindowRequest window)
    {
        var errors = new List<(string, string)>();
        void Fail(string field, string message) => errors.Add((field, message));

        if (string.IsNullOrWhiteSpace(window.Number) || !NumberPattern().IsMatch(window.Number))
        {
            Fail("number", "number must be 1 to 20 letters, digits or '-', starting with a letter or digit (e.g. W01).");
        }

        if (string.IsNullOrWhiteSpace(window.Name) || window.Name.Length > 100)
        {
            Fail("name", "name is required, at most 100 characters.");
        }

        if (!Enum.IsDefined(window.Type))
        {
            Fail("type", "type must be Independent (独立窗口), Comprehensive (综合窗口) or Convenience (便民服务窗口).");
        }

        if (window.Location?.Length > 200)
        {
            Fail("location", "location is at most 200 characters.");
        }

        CheckDepartments(window, Fail);

        if (window.Head is null || string.IsNullOrWhiteSpace(window.Head.Name) || window.Head.Name.Length > 50)
        {
            Fail("head.name", "head.name (the window head, published) is required, at most 50 characters.");
        }
        else if (window.Head.Title?.Length > 100)
        {
            Fail("head.title", "head.title is at most 100 characters.");
        }

        foreach (var (field, phone) in new[] { ("phone", window.Phone), ("supervisionPhone", window.SupervisionPhone) })
        {
            if (string.IsNullOrWhiteSpace(phone) || !PhonePattern().IsMatch(phone))
            {
                Fail(field, $"{field} is required (it is published): digits, spaces, '-', '+' or parentheses, at most 50 characters.");
            }
        }

        return errors;
    }

    private static void CheckDepartments(WindowRequest window, Action<string, string> fail)
    {
        var departments = window.Departments ?? [];
        if (departments.Count is 0 or > MaxDepartments)
        {
            fail("departments", $"A window serves 1 to {MaxDepartments} departments.");
            return;
        }

        if (window.Type == WindowType.Independent && departments.Count != 1)
        {
            fail("departments", "An independent window (独立窗口) is one department's own: give exactly one department.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < departments.Count; i++)
        {
            var d = departments[i];
            if (d is null || string.IsNullOrWhiteSpace(d.Department) || !DepartmentPattern().IsMatch(d.Department))
            {
                fail($"departments[{i}].department", "department must be a department code of letters, digits or '-', at most 100 characters.");
                continue;
            }

            if (!seen.Add(d.Department))
            {
                fail($"departments[{i}].department", $"Department '{d.Department}' is given twice.");
            }

            if (!Enum.IsDefined(d.HeadAuthority))
            {
                fail($"departments[{i}].headAuthority", "headAuthority must be None, MiddleDeputy, MiddleChief or Leader.");
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]{0,19}\z")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]{0,99}\z")]
    private static partial Regex DepartmentPattern();

    [GeneratedRegex(@"^[0-9+()\- ]{3,50}\z")]
    private static partial Regex PhonePattern();
}
