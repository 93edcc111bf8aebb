using System.Text.RegularExpressions;
using Approval.Activities.Contract;
using Approval.Activities.Validation;
using Approval.Designer.Text;

namespace Approval.Designer.Canvas;

/// <summary>The validator's errors in the UI's language: a Chinese sentence per error code, the validator's own words in English.</summary>
public static partial class ValidationMessages
{
    public static string Describe(ValidationError error, UiText text)
    {
        if (text.IsEnglish)
        {
            return error.Message;
        }

        var quoted = Quoted().Matches(error.Message).Select(m => m.Groups[1].Value).ToList();
        string Q(int i) => i < quoted.Count ? quoted[i] : "";
        return error.Code switch
        {
            "too-large" => "流程过大：最多 500 个步骤、2000 条连线。",
            "invalid-definition-id" => "流程编号须为 1 至 100 个小写字母、数字或 - _ .，以字母或数字开头。",
            "invalid-name" => "流程名称必填，最多 200 个字符。",
            "invalid-version" => "版本号须为 1 或以上。",
            "invalid-activity-id" => "每个步骤都需要 1 至 100 个字符的编号。",
            "duplicate-activity-id" => $"编号“{Q(0)}”被多个步骤使用。",
            "unknown-activity-type" => $"“{Q(0)}”不是已知的活动类型。",
            "invalid-property" => $"属性 {error.Path.Split('/').Last()}：{error.Message}",
            "invalid-connection" => "连线不能为空。",
            "missing-activity" => $"连线指向不存在的步骤“{Q(0)}”。",
            "undeclared-outcome" => $"步骤“{Q(0)}”没有出口“{Q(1)}”。",
            "ambiguous-outcome" => $"出口“{Q(0)}”有多条连线；并行分支请使用“并行分支”。",
            "connection-into-start" => "任何连线都不能指向开始。",
            "missing-start" => "流程没有“开始”。",
            "multiple-starts" => "流程有多个“开始”。",
            "no-end-reachable" => "从开始无法到达任何“结束”。",
            "unreachable-activity" => "从开始无法到达此步骤。",
            "dead-end" => "从此步骤无法到达任何“结束”，办件会停在这里。",
            "dangling-outcome" => $"出口“{Q(0)}”没有连线。",
            "invalid-fork" => "并行分支至少需要两条分支。",
            "invalid-join" => "汇聚至少需要两条进入的分支。",
            _ => error.Message,
        };
    }

    /// <summary>A CSS class per palette category, so each category has its colour.</summary>
    public static string CategoryClass(string category) => category switch
    {
        ActivityCategories.Approval => "approval",
        ActivityCategories.Supervision => "supervision",
        ActivityCategories.Window => "window",
        _ => "flow",
    };

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
