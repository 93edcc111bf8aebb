namespace Approval.Activities.Tests.Support;

/// <summary>
/// Files of the checkout the tests read: the sample flows, the schema and the snapshots. They are
/// found by walking up to Approval.sln, so snapshots are written into the source tree, not bin/.
/// </summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");

    public static string Schema => Path.Combine(Workflows, "schema", "workflow.schema.json");

    public static string Snapshots => Path.Combine(Root, "tests", "Approval.Activities.Tests", "Snapshots");

    /// <summary>The file names of every flow in workflows/ (not its subfolders).</summary>
    public static IReadOnlyList<string> WorkflowFileNames() =>
        [.. Directory.EnumerateFiles(Workflows, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static TheoryData<string> WorkflowFiles() => [.. WorkflowFileNames()];

    public static string ReadWorkflow(string fileName) => File.ReadAllText(Path.Combine(Workflows, fileName));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Approval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Approval.sln above {AppContext.BaseDirectory}.");
    }
}
