using System.Security.Cryptography;

namespace Approval.Engine.Materials;

/// <summary>The "Materials" configuration section.</summary>
public sealed class MaterialOptions
{
    /// <summary>The folder files are kept in; default data/materials under the content root, never under the web root.</summary>
    public string? Path { get; set; }

    /// <summary>The largest file, in bytes.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// Material files on disk, each under its SHA-256 (so one file given twice is kept once), outside the
/// web root: they are only ever sent back by the download endpoint, with the type found on upload.
/// </summary>
internal sealed class MaterialStore
{
    public MaterialStore(MaterialOptions options, IWebHostEnvironment environment)
    {
        Root = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(options.Path)
            ? System.IO.Path.Combine(environment.ContentRootPath, "data", "materials")
            : System.IO.Path.Combine(environment.ContentRootPath, options.Path));
        var webRoot = string.IsNullOrEmpty(environment.WebRootPath) ? null : System.IO.Path.GetFullPath(environment.WebRootPath);
        if (webRoot is not null && (Root + System.IO.Path.DirectorySeparatorChar).StartsWith(webRoot + System.IO.Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Materials:Path ({Root}) is inside the web root ({webRoot}); keep uploaded files where they cannot be served directly.");
        }

        MaxBytes = options.MaxBytes;
    }

    public string Root { get; }

    public long MaxBytes { get; }

    public static string HashOf(Stream content)
    {
        content.Position = 0;
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        content.Position = 0;
        return hash;
    }

    /// <summary>Keeps the bytes under their hash unless a file with that hash is already kept.</summary>
    public async Task SaveAsync(string sha256, Stream content, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".part";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                content.Position = 0;
                await content.CopyToAsync(file, ct);
            }

            // Another upload of the same bytes may have finished first: either copy is the file.
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Stream? Open(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    // Two levels of folders keep any one folder small; the hash is checked hex before it is ever a path.
    private string PathOf(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? System.IO.Path.Combine(Root, sha256[..2], sha256)
            : throw new ArgumentException("Not a SHA-256 in lower-case hex.", nameof(sha256));
}
