using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Approval.Engine.Notices;

/// <summary>
/// Draws a notice on A4 (PDFsharp): the centre's name, the title, the number, the addressee, the body
/// wrapped character by character (Chinese has no spaces to break at, which XTextFormatter needs), then
/// the centre, the date and a seal placeholder (a red ring with the centre's name, where the seal is
/// pressed on the printed copy). Both fonts are embedded as subsets, so the PDF reads the same anywhere.
/// </summary>
internal sealed class NoticePdf(Lazy<NoticeFontSet> fonts)
{
    private const double Margin = 72;
    private const double BodySize = 13;
    private const double LineHeight = BodySize * 1.8;

    // A line may not start with closing punctuation: it hangs at the end of the line before.
    private const string NoLineStart = "，。、；：！？）》」』”’,.;:!?)%";

    public byte[] Render(NoticeDocument notice, DateTimeOffset issuedAt)
    {
        NoticeFace Face(double size) => new(fonts.Value, size);
        var (header, title, number, body, seal, star) = (Face(16), Face(22), Face(12), Face(BodySize), Face(10), Face(22));

        using var document = new PdfDocument();
        document.Info.Title = $"{notice.Title} {notice.Number}";
        document.Info.Author = notice.Centre;
        document.Info.Creator = notice.Centre;
        document.Info.CreationDate = issuedAt.UtcDateTime;
        document.Info.ModificationDate = issuedAt.UtcDateTime;

        var page = new Page(document);
        var width = page.Width - 2 * Margin;
        page.Centered(notice.Centre, header, 30);
        page.Centered(notice.Title, title, 44);
        page.Centered(notice.Number, number, 34);
        if (notice.Addressee.Length > 0)
        {
            page.Line(notice.Addressee, body, Margin, LineHeight);
        }

        foreach (var paragraph in notice.Body)
        {
            var indent = paragraph.Indent ? 2 * BodySize : 0;
            var lines = Wrap(page.Graphics, paragraph.Text, body, width, indent);
            for (var i = 0; i < lines.Count; i++)
            {
                page.Line(lines[i], body, Margin + (i == 0 ? indent : 0), LineHeight);
            }
        }

        // The signature block: the centre and the date at the right, the seal over them; its ring reaches
        // a radius above the centre's line, so the block starts far enough down to leave the body clear.
        page.Reserve(Radius + 120);
        page.Advance(Radius + 10);
        var right = Margin + width;
        var centreWidth = body.Measure(page.Graphics, notice.Centre);
        var dateWidth = body.Measure(page.Graphics, notice.Date);
        var blockRight = right - 10;
        var sealCentre = new XPoint(blockRight - Math.Max(centreWidth, dateWidth) / 2, page.Y + LineHeight / 2);
        page.Line(notice.Centre, body, blockRight - centreWidth, LineHeight);
        page.Line(notice.Date, body, blockRight - dateWidth, LineHeight);
        Seal(page.Graphics, sealCentre, notice.Centre, seal, star);
        seal.Draw(page.Graphics, "（印章）", XBrushes.Red, sealCentre.X - seal.Measure(page.Graphics, "（印章）") / 2, sealCentre.Y + Radius + 14);
        page.Close();

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/> (the first less
    /// <paramref name="firstIndent"/>): between any two CJK characters, but never inside a run of Latin
    /// letters and digits (a case number) unless the run alone is too wide; closing punctuation hangs.
    /// </summary>
    internal static List<string> Wrap(XGraphics graphics, string text, NoticeFace font, double width, double firstIndent = 0)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var token in Tokens(text))
        {
            var available = lines.Count == 0 ? width - firstIndent : width;
            if (line.Length > 0 && font.Measure(graphics, line + token) > available
                && !(token.Length == 1 && NoLineStart.Contains(token[0])))
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                available = width;
            }

            if (line.Length == 0 && font.Measure(graphics, token) > available)
            {
                // A run too long for any line is broken where it must be.
                foreach (var c in token)
                {
                    if (line.Length > 0 && font.Measure(graphics, line.ToString() + c) > (lines.Count == 0 ? width - firstIndent : width))
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }

                    line.Append(c);
                }

                continue;
            }

            if (line.Length == 0 && token == " ")
            {
                continue;
            }

            line.Append(token);
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    // One token per CJK character or punctuation mark; Latin letters, digits and their joiners keep together.
    private static IEnumerable<string> Tokens(string text)
    {
        var run = new System.Text.StringBuilder();
        foreach (var c in text.Replace("\r", "").Replace('\n', ' '))
        {
            if (char.IsAsciiLetterOrDigit(c) || (run.Length > 0 && c is '-' or '.' or '_' or '/' or ':' or '@'))
            {
                run.Append(c);
                continue;
            }

            if (run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
            }

            yield return c.ToString();
        }

        if (run.Length > 0)
        {
            yield return run.ToString();
        }
    }

    // A red ring with a star, the centre's name arched along its top: where the seal is pressed on the printed notice.
    private const double Radius = 42;

    private static void Seal(XGraphics graphics, XPoint centre, string name, NoticeFace font, NoticeFace star)
    {
        graphics.DrawEllipse(new XPen(XColors.Red, 2), centre.X - Radius, centre.Y - Radius, 2 * Radius, 2 * Radius);
        star.Draw(graphics, "★", XBrushes.Red, centre.X - star.Measure(graphics, "★") / 2, centre.Y + star.Size * 0.35);
        var characters = name.EnumerateRunes().Select(r => r.ToString()).ToList();
        var arc = Math.Min(240, characters.Count * 24.0);
        var inner = Radius - font.Size - 2;
        for (var i = 0; i < characters.Count; i++)
        {
            var degrees = -arc / 2 + arc * (i + 0.5) / characters.Count;
            var radians = degrees * Math.PI / 180;
            var at = new XPoint(centre.X + inner * Math.Sin(radians), centre.Y - inner * Math.Cos(radians));
            var state = graphics.Save();
            graphics.RotateAtTransform(degrees, at);
            font.Draw(graphics, characters[i], XBrushes.Red, at.X - font.Measure(graphics, characters[i]) / 2, at.Y + font.Size * 0.35);
            graphics.Restore(state);
        }
    }

    /// <summary>The page being written, top to bottom; a new one when the next line does not fit.</summary>
    private sealed class Page
    {
        private readonly PdfDocument _document;
        private PdfPage _page;
        private bool _open;

        public Page(PdfDocument document)
        {
            _document = document;
            (_page, Graphics) = Open(document);
            (Y, _open) = (Margin, true);
        }

        public XGraphics Graphics { get; private set; }

        public double Y { get; private set; }

        public double Width => _page.Width.Point;

        private double Bottom => _page.Height.Point - Margin;

        public void Centered(string text, NoticeFace font, double height) =>
            Line(text, font, (Width - font.Measure(Graphics, text)) / 2, height);

        // The baseline sits where a line of this height centres the type's body.
        public void Line(string text, NoticeFace font, double x, double height)
        {
            Reserve(height);
            font.Draw(Graphics, text, XBrushes.Black, x, Y + (height + font.Size * 0.7) / 2);
            Y += height;
        }

        public void Advance(double height) => Y += height;

        /// <summary>Starts a new page unless <paramref name="height"/> more fits on this one.</summary>
        public void Reserve(double height)
        {
            if (Y + height > Bottom)
            {
                Graphics.Dispose();
                (_page, Graphics) = Open(_document);
                Y = Margin;
            }
        }

        public void Close()
        {
            if (_open)
            {
                Graphics.Dispose();
                _open = false;
            }
        }

        private static (PdfPage, XGraphics) Open(PdfDocument document)
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            return (page, XGraphics.FromPdfPage(page));
        }
    }
}
