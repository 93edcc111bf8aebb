namespace Approval.Designer.Text;

/// <summary>The window desk's words (窗口受理台).</summary>
public sealed partial class UiText
{
    private static readonly Dictionary<string, (string Zh, string En)> DeskWords = new()
    {
        ["nav.desk"] = ("受理台", "Desk"),
    };
}
