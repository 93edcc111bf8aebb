using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Approval.Engine.Notices;

/// <summary>The notices' section of the configuration (<c>Notices</c>).</summary>
public sealed class NoticeOptions
{
    public const string Section = "Notices";

    /// <summary>The fonts shipped with the platform (Notices/Fonts, beside the application).</summary>
    public static string ShippedFonts { get; } = Path.Combine(AppContext.BaseDirectory, "Notices", "Fonts");

    /// <summary>
    /// The TrueType font (.ttf, TrueType outlines) notices are drawn and embedded in: it must hold the
    /// CJK characters. Droid Sans Fallback, shipped, by default; an OpenType/CFF or .ttc file will not do.
    /// </summary>
    public string FontPath { get; set; } = Path.Combine(ShippedFonts, "DroidSansFallbackFull.ttf");

    /// <summary>
    /// The TrueType font for the characters <see cref="FontPath"/> lacks: Droid Sans Fallback has no Latin
    /// letters or digits, so case numbers, dates and phones are set in this one (DejaVu Sans, shipped).
    /// </summary>
    public string LatinFontPath { get; set; } = Path.Combine(ShippedFonts, "DejaVuSans.ttf");
}

/// <summary>
/// Serves PDFsharp the notices' font from the file configured (<see cref="NoticeOptions.FontPath"/>).
/// PDFsharp has one resolver per process, set once before any font is used, so it is one instance for
/// every host in the process; each asks for its font by a family name that carries the file's path.
/// </summary>
internal sealed class NoticeFonts : IFontResolver
{
    private const string FamilyPrefix = "approval-notice:";
    private static readonly NoticeFonts Instance = new();
    private static readonly Lock Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();

    /// <summary>The family name to draw in the font at <paramref name="path"/>, once it is known to be a usable TrueType file.</summary>
    public static string Family(string path)
    {
        if (Problem(path) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (GlobalFontSettings.FontResolver != Instance)
            {
                throw new InvalidOperationException("Another PDFsharp font resolver is installed: the notices cannot draw in their font.");
            }
        }

        return FamilyPrefix + path;
    }

    /// <summary>Null when <paramref name="path"/> is a TrueType font file; else what is wrong, for start-up to say.</summary>
    public static string? Problem(string? path)
    {
        const string Fix = "Notices are drawn in TrueType fonts: the platform ships two in Notices/Fonts; "
            + "set Notices:FontPath (CJK) and Notices:LatinFontPath to .ttf files that exist.";
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return $"There is no font file at '{path}'. {Fix}";
        }

        Span<byte> head = stackalloc byte[4];
        using (var file = File.OpenRead(path))
        {
            if (file.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4)
            {
                return $"'{path}' is not a font file. {Fix}";
            }
        }

        // 00 01 00 00 or 'true': TrueType outlines, which PDFsharp subsets and embeds; 'OTTO' (CFF) and 'ttcf' (a collection) it cannot use here.
        return head.SequenceEqual((ReadOnlySpan<byte>)[0, 1, 0, 0]) || head.SequenceEqual("true"u8)
            ? null
            : $"'{path}' is not a single TrueType font (an OpenType/CFF font or a .ttc collection). {Fix}";
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        familyName.StartsWith(FamilyPrefix, StringComparison.Ordinal)
            ? new FontResolverInfo(familyName[FamilyPrefix.Length..]) // notices use one face: the title is set larger, not bold
            : null;

    public byte[]? GetFont(string faceName) => _files.GetOrAdd(faceName, File.ReadAllBytes);
}
