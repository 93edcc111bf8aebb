using System.Text;

namespace Approval.Engine.Tests.Repository;

/// <summary>
/// The platform writes simplified Chinese only: UI strings, docs, doc comments, test names and the
/// flows. A traditional form slips in easily when a term is copied from a Hong Kong or Taiwan source
/// (the traditional 督办, say), and the clerks' screens and the published pages must not show one.
/// </summary>
public sealed class SimplifiedChineseTests
{
    /// <summary>
    /// Traditional-only forms (each has a different simplified form) of the characters the platform's
    /// texts and the seed case use, and the common ones a slip brings in (the traditional forms of 审 决 发 证 办 电 监 权
    /// 机 门 开 关 ...), written as escapes so that this file passes its own scan.
    /// </summary>
    internal const string TraditionalOnly =
        "\u4E26\u5009\u5099\u50B3\u50B7\u50F9\u5132\u5167\u5169\u518A\u5225\u522A\u5247\u5275\u5283\u52D5\u52D9\u52DE\u52F5\u532F"
        + "\u5340\u5354\u53C3\u54E1\u554F\u5553\u55AE\u5617\u56B4\u570B\u570D\u5716\u5718\u57F7\u5831\u5834\u58D3\u58EF\u5B78\u5BE6"
        + "\u5BE9\u5BEB\u5C07\u5C08\u5C0D\u5C0E\u5C46\u5C64\u5C6C\u5D17\u5E2B\u5E79\u5EAB\u5EE3\u5EF3\u5F35\u5F37\u5F8C\u5F91\u5F9E"
        + "\u5FA9\u5FB5\u614B\u6176\u6191\u61C9\u61F8\u6236\u639B\u63A1\u63DB\u6436\u64A5\u64CA\u64DA\u64EC\u6524\u6578\u65B7\u65BC"
        + "\u6642\u66AB\u66C9\u66F8\u6703\u6771\u689D\u696D\u69CB\u6A13\u6A19\u6A23\u6A5F\u6A94\u6AA2\u6B0A\u6B72\u6B77\u6C23\u6C7A"
        + "\u6C92\u6CC1\u6E2C\u6E96\u6EFF\u7121\u71DF\u7232\u7240\u72C0\u734E\u7368\u7372\u73FE\u74B0\u7522\u756B\u7570\u7576\u7642"
        + "\u767C\u76E3\u78BA\u78BC\u7955\u7A05\u7A2E\u7A31\u7A4D\u7B87\u7BC0\u7BC4\u7BC9\u7C64\u7D04\u7D05\u7D0B\u7D19\u7D1A\u7D30"
        + "\u7D42\u7D44\u7D50\u7D66\u7D71\u7D93\u7D9C\u7DAD\u7DB2\u7DDA\u7DE8\u7E23\u7E2E\u7E3D\u7E3E\u7E54\u7E6A\u7E7C\u7E8C\u7F70"
        + "\u7FA3\u7FA9\u7FD2\u806F\u8072\u8077\u807D\u81E8\u81FA\u8207\u820A\u83EF\u85DD\u85E5\u8655\u865F\u8853\u885B\u88CF\u88DC"
        + "\u88DD\u898B\u898F\u8996\u89AA\u89F8\u8A02\u8A08\u8A13\u8A17\u8A18\u8A2D\u8A31\u8A3A\u8A55\u8A62\u8A66\u8A71\u8A8D\u8AA4"
        + "\u8AAA\u8ABF\u8AC7\u8ACB\u8AD6\u8AEE\u8AFE\u8B49\u8B58\u8B70\u8B77\u8B80\u8B8A\u8B93\u8CA0\u8CA1\u8CA8\u8CA9\u8CAC\u8CB7"
        + "\u8CBB\u8CBC\u8CC3\u8CC7\u8CE3\u8CEA\u8CEC\u8D08\u8ECA\u8ECD\u8F03\u8F09\u8F1B\u8F2A\u8F2F\u8F38\u8F49\u8FA6\u8FB2\u9019"
        + "\u9023\u9032\u904A\u904B\u904E\u9054\u9069\u9078\u907A\u9084\u9109\u91AB\u91D0\u92B7\u9304\u932F\u9396\u93AE\u9451\u9577"
        + "\u9580\u9589\u958B\u9593\u95DC\u9663\u9673\u9678\u968A\u96A8\u96AA\u96D9\u96FB\u97CB\u97FF\u9801\u9805\u9808\u9810\u9818"
        + "\u982D\u984C\u984D\u985E\u986F\u98F2\u990A\u9918\u99C1\u99D0\u99D5\u99DB\u9A57\u9A5F\u9AD4\u9E97\u9EC3\u9EDE\u9F4A";

    /// <summary>Where text is written: the front page and every source, doc, flow, test, tool and benchmark folder.</summary>
    private static readonly string[] Folders = ["src", "docs", "workflows", "tests", "tools", "bench", ".ci"];

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".razor", ".cshtml", ".md", ".json", ".css", ".js", ".html", ".csproj", ".props", ".targets",
        ".sh", ".txt", ".sql", ".yml", ".yaml", ".xml", ".tsv", ".csv",
    };

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "TestResults", "lib"];

    [Fact]
    public void TheRepository_IsWrittenInSimplifiedCharacters()
    {
        var found = (
            from file in TextFiles()
            let lines = File.ReadAllLines(file, Encoding.UTF8)
            from number in Enumerable.Range(0, lines.Length)
            let traditional = lines[number].Where(TraditionalOnly.Contains).Distinct().ToArray()
            where traditional.Length > 0
            select $"{System.IO.Path.GetRelativePath(RepositoryRoot.Path, file)}:{number + 1}: {new string(traditional)}").ToList();

        Assert.True(found.Count == 0, "Traditional characters (write the simplified form):\n" + string.Join('\n', found));
    }

    [Fact]
    public void TheScan_ReadsTheFoldersAndKnowsTheCommonSlips()
    {
        // Guards the test above against passing vacuously: a wrong root or extension list finds no file,
        // and a list without the common slips finds nothing to complain of.
        var files = TextFiles();
        Assert.Contains(files, f => System.IO.Path.GetFileName(f) == "README.md");
        Assert.Contains(files, f => f.EndsWith(".razor", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains($"{System.IO.Path.DirectorySeparatorChar}workflows{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.All("\u5BE9\u6C7A\u767C\u8B49\u8FA6\u96FB\u76E3\u6B0A\u6A5F\u9580\u958B\u95DC", c => Assert.Contains(c, TraditionalOnly));
        Assert.All("审决发证办电监权机门开关", c => Assert.DoesNotContain(c, TraditionalOnly));
    }

    private static List<string> TextFiles()
    {
        var root = RepositoryRoot.Path;
        var files = new List<string> { System.IO.Path.Combine(root, "README.md") };
        foreach (var folder in Folders.Select(f => System.IO.Path.Combine(root, f)).Where(Directory.Exists))
        {
            files.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => TextExtensions.Contains(System.IO.Path.GetExtension(f)))
                .Where(f => !System.IO.Path.GetRelativePath(root, f).Split(System.IO.Path.DirectorySeparatorChar).Any(SkippedFolders.Contains)));
        }

        return [.. files.Order(StringComparer.Ordinal)];
    }
}
