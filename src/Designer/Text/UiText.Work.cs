namespace Approval.Designer.Text;

/// <summary>The department desk's words: the inbox (待办) and the task page.</summary>
public sealed partial class UiText
{
    private static readonly Dictionary<string, (string Zh, string En)> WorkWords = new()
    {
        ["nav.inbox"] = ("待办", "Inbox"),
    };
}
