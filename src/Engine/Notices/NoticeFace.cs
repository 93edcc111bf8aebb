using System.Buffers.Binary;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Approval.Engine.Notices;

/// <summary>
/// The notices' type at one size: Chinese in the CJK font, and whatever that font lacks (Latin letters
/// and digits: Droid Sans Fallback has none, being the fallback to Droid Sans) in the Latin one, run by
/// run, so a case number or a phone number prints as it should.
/// </summary>
internal sealed class NoticeFace
{
    private readonly XFont _cjk;
    private readonly XFont _latin;
    private readonly Func<int, bool> _covered;

    public NoticeFace(NoticeFontSet fonts, double size)
    {
        var encoding = new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);
        _cjk = new XFont(fonts.CjkFamily, size, XFontStyleEx.Regular, encoding);
        _latin = new XFont(fonts.LatinFamily, size, XFontStyleEx.Regular, encoding);
        _covered = fonts.CjkCovers;
        Size = size;
    }

    public double Size { get; }

    public double Measure(XGraphics graphics, string text) =>
        Runs(text).Sum(r => graphics.MeasureString(r.Text, r.Font).Width);

    /// <summary>Draws <paramref name="text"/> from <paramref name="x"/> on the baseline <paramref name="baseline"/>.</summary>
    public void Draw(XGraphics graphics, string text, XBrush brush, double x, double baseline)
    {
        foreach (var (run, font) in Runs(text))
        {
            graphics.DrawString(run, font, brush, x, baseline, XStringFormats.BaseLineLeft);
            x += graphics.MeasureString(run, font).Width;
        }
    }

    private IEnumerable<(string Text, XFont Font)> Runs(string text)
    {
        var start = 0;
        XFont? current = null;
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var codePoint = char.ConvertToUtf32(text, i);
            var font = codePoint == ' ' || _covered(codePoint) ? _cjk : _latin;
            if (current is not null && font != current)
            {
                yield return (text[start..i], current);
                start = i;
            }

            current = codePoint == ' ' && current is not null ? current : font;
        }

        if (current is not null && start < text.Length)
        {
            yield return (text[start..], current);
        }
    }
}

/// <summary>The two fonts of the notices, installed for PDFsharp, and which characters the CJK one has.</summary>
internal sealed class NoticeFontSet
{
    private readonly HashSet<int> _cjk;

    public NoticeFontSet(NoticeOptions options)
    {
        CjkFamily = NoticeFonts.Family(options.FontPath);
        LatinFamily = NoticeFonts.Family(options.LatinFontPath);
        _cjk = CharacterMap.Read(File.ReadAllBytes(options.FontPath));
    }

    public string CjkFamily { get; }

    public string LatinFamily { get; }

    public bool CjkCovers(int codePoint) => _cjk.Contains(codePoint);
}

/// <summary>The characters a TrueType font has glyphs for, from its Unicode cmap (format 4, and format 12 beyond the BMP).</summary>
internal static class CharacterMap
{
    public static HashSet<int> Read(byte[] font)
    {
        var covered = new HashSet<int>();
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var cmap = -1;
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + 16 * i;
            if (font.AsSpan(record, 4).SequenceEqual("cmap"u8))
            {
                cmap = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
            }
        }

        if (cmap < 0)
        {
            return covered;
        }

        var subtables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 2));
        for (var i = 0; i < subtables; i++)
        {
            var platform = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 4 + 8 * i));
            var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(cmap + 8 + 8 * i));
            var format = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset));
            if (platform is not (0 or 3))
            {
                continue;
            }

            if (format == 4)
            {
                var segments = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset + 6)) / 2;
                for (var s = 0; s < segments; s++)
                {
                    var end = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset + 14 + 2 * s));
                    var start = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset + 16 + 2 * segments + 2 * s));
                    for (var c = start; c <= end && c != 0xFFFF; c++)
                    {
                        covered.Add(c);
                    }
                }
            }
            else if (format == 12)
            {
                var groups = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(offset + 12));
                for (var g = 0; g < groups; g++)
                {
                    var start = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(offset + 16 + 12 * g));
                    var end = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(offset + 20 + 12 * g));
                    for (var c = start; c <= end && c <= 0x10FFFF; c++)
                    {
                        covered.Add((int)c);
                    }
                }
            }
        }

        // Glyph 0 is .notdef: a segment mapping only to it (the 0 ... 0 one) covers nothing.
        covered.Remove(0);
        return covered;
    }
}
