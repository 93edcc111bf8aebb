namespace Approval.Engine.Runtime;

/// <summary>
/// Names the parallel branch a token runs in: "" outside any Fork, else the parent's scope, "/",
/// the Fork's id, "#" and a run-unique suffix (<c>/fork#1a2b3c4d</c>).
/// </summary>
internal static class Scope
{
    public const string Root = "";

    public static string Open(string parent, string forkId) =>
        $"{parent}/{forkId}#{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";

    public static string Parent(string scope) => scope.Length == 0 ? Root : scope[..scope.LastIndexOf('/')];

    public static string ForkId(string scope)
    {
        var segment = scope[(scope.LastIndexOf('/') + 1)..];
        return segment[..segment.IndexOf('#')];
    }

    /// <summary>Whether <paramref name="scope"/> is <paramref name="outer"/> or a branch nested in it.</summary>
    public static bool IsWithin(string scope, string outer) =>
        scope == outer || scope.StartsWith(outer + "/", StringComparison.Ordinal);
}
