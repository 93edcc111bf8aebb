using System.IO.Compression;

namespace Approval.Engine.Materials;

/// <summary>
/// The file types a material may be, told by their first bytes (magic numbers): PDF, JPEG, PNG and
/// OFD (the national fixed-layout format, GB/T 33190: a ZIP whose root holds OFD.xml).
/// </summary>
internal static class MaterialTypes
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Ofd = "application/ofd";

    public static IReadOnlyList<string> Allowed { get; } = [Pdf, Jpeg, Png, Ofd];

    /// <summary>The type the bytes are, or null when they are none of the allowed ones.</summary>
    public static string? Detect(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        return head.StartsWith("PK\x03\x04"u8) && IsOfd(content) ? Ofd : null;
    }

    /// <summary>Whether <paramref name="declared"/> (the part's Content-Type) agrees with the bytes; a generic or missing one does.</summary>
    public static bool Agrees(string? declared, string detected)
    {
        var type = declared?.Split(';')[0].Trim().ToLowerInvariant();
        return type is null or "" or "application/octet-stream" || type == detected
            || (detected == Jpeg && type == "image/jpg") || (detected == Ofd && type is "application/zip" or "application/x-ofd");
    }

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Jpeg => ".jpg",
        Png => ".png",
        _ => ".ofd",
    };

    // Reads only the ZIP's central directory: nothing is decompressed.
    private static bool IsOfd(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Any(e => string.Equals(e.FullName, "OFD.xml", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
