using System.Text;
using System.Text.RegularExpressions;

namespace Approval.Engine.Tests.Repository;

/// <summary>
/// README.md and docs/ as a newcomer reads them: every relative link leads to a file or folder of
/// the checkout, and the README stays a front page (the characters are <see cref="SimplifiedChineseTests"/>'s).
/// </summary>
public sealed partial class DocumentationLinksTests
{
    /// <summary>README.md is the front door, a few screens long; everything else lives under docs/.</summary>
    private const int ReadmeMaxBytes = 16_000;

    private static readonly string Root = RepositoryRoot.Path;

    [Fact]
    public void RelativeLinks_PointToFilesThatExist()
    {
        var broken = (
            from file in DocumentationFiles()
            from link in RelativeLinks(File.ReadAllText(file))
            where !Exists(file, link)
            select $"{Path.GetRelativePath(Root, file)}: ({link.Target}) on line {link.Line}").ToList();

        Assert.True(broken.Count == 0, "Relative links that point nowhere:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void RelativeLinks_AreFoundInEveryDocumentationFile()
    {
        // Guards the test above against passing vacuously: were the files not found (a wrong root) or
        // the pattern broken, no link would be checked and every link would seem fine.
        var files = DocumentationFiles();
        Assert.Contains(files, f => Path.GetFileName(f) == "README.md" && Path.GetDirectoryName(f) == Root);
        Assert.True(files.Count > 5, $"Only {files.Count} documentation files were found under {Root}.");
        Assert.NotEmpty(RelativeLinks(File.ReadAllText(Path.Combine(Root, "README.md"))));
    }

    [Fact]
    public void Readme_IsAtMostSixteenThousandBytes()
    {
        var size = new FileInfo(Path.Combine(Root, "README.md")).Length;

        Assert.True(size <= ReadmeMaxBytes, $"README.md is {size:N0} bytes, more than {ReadmeMaxBytes:N0}: move detail into docs/.");
    }

    [Theory]
    [InlineData("see [the API](api.md) and [ADR](adr/0001.md#context)", "api.md", "adr/0001.md")]
    [InlineData("[`src/Engine`](../src/Engine) and [site](https://example.org) and [top](#quick-start)", "../src/Engine")]
    [InlineData("[mail](mailto:a@example.org) [title](flows.md \"Flows\") [angle](<my page.md>)", "flows.md", "my page.md")]
    [InlineData("```sh\n[not](a-link.md)\n```\nafter `[code](nowhere.md)` [real](real.md)", "real.md")]
    [InlineData("[ref]: ../README.md\n[web]: https://example.org", "../README.md")]
    public void RelativeLinks_AreTheMarkdownLinksOutsideCode(string markdown, params string[] expected)
    {
        Assert.Equal(expected, RelativeLinks(markdown).Select(l => l.Path));
    }

    private static List<string> DocumentationFiles()
    {
        var docs = Path.Combine(Root, "docs");
        var files = new List<string> { Path.Combine(Root, "README.md") };
        if (Directory.Exists(docs))
        {
            files.AddRange(Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        }

        return files;
    }

    /// <summary>A link's target as written, the path it names (no fragment, unescaped) and its line.</summary>
    private sealed record Link(string Target, string Path, int Line);

    /// <summary>Inline links <c>[text](target)</c> and reference definitions <c>[name]: target</c> outside code, except web, mail and same-page links.</summary>
    private static List<Link> RelativeLinks(string markdown)
    {
        var text = WithoutCode(markdown);
        var targets = InlineLink().Matches(text).Select(m => (m.Groups["target"].Value, m.Index))
            .Concat(ReferenceLink().Matches(text).Select(m => (m.Groups["target"].Value, m.Index)));

        var links = new List<Link>();
        foreach (var (raw, index) in targets.OrderBy(t => t.Index))
        {
            var target = raw.Trim('<', '>');
            if (target.Length == 0 || target.StartsWith('#') || Scheme().IsMatch(target))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var path = Uri.UnescapeDataString(hash >= 0 ? target[..hash] : target);
            var line = text.AsSpan(0, index).Count('\n') + 1;
            links.Add(new Link(target, path, line));
        }

        return links;
    }

    /// <summary>The text with fenced blocks and inline code blanked out, keeping its line breaks so line numbers hold.</summary>
    private static string WithoutCode(string markdown)
    {
        var result = new StringBuilder();
        var fenced = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                result.Append('\n');
                continue;
            }

            result.Append(fenced ? "" : InlineCode().Replace(line, "")).Append('\n');
        }

        return result.ToString();
    }

    private static bool Exists(string file, Link link)
    {
        // GitHub reads a target starting with '/' from the repository's root, any other from the file's folder.
        var baseFolder = link.Path.StartsWith('/') ? Root : Path.GetDirectoryName(file)!;
        var full = Path.GetFullPath(Path.Combine(baseFolder, link.Path.TrimStart('/')));
        return File.Exists(full) || Directory.Exists(full);
    }

    [GeneratedRegex(@"\[[^\]\n]*\]\((?<target><[^>\n]*>|[^)\s]*)(?:\s+""[^""\n]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}\[[^\]\n]+\]:\s*(?<target><[^>\n]*>|\S+)", RegexOptions.Multiline)]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();
}
