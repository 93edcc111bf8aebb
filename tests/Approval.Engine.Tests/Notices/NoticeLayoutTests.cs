using Approval.Engine.Notices;
using PdfSharp.Drawing;

namespace Approval.Engine.Tests.Notices;

/// <summary>The notices' type: Chinese wrapped between characters, the fonts checked before the platform starts.</summary>
public sealed class NoticeLayoutTests
{
    private static readonly Lazy<NoticeFontSet> Fonts = new(() => new NoticeFontSet(new NoticeOptions()));

    [Fact]
    public void ChineseText_WrapsBetweenCharacters_KeepingNumbersWhole_AndNoLineStartsWithClosingPunctuation()
    {
        using var graphics = XGraphics.CreateMeasureContext(new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards);
        var face = new NoticeFace(Fonts.Value, 13);
        var text = string.Concat(Enumerable.Repeat("本中心决定予以受理，受理编号：452624-20261207-0001。", 6));

        var lines = NoticePdf.Wrap(graphics, text, face, 200);

        Assert.True(lines.Count > 3);
        Assert.Equal(text, string.Concat(lines));
        Assert.All(lines, l => Assert.True(face.Measure(graphics, l) <= 200 + face.Size, l)); // a closing mark may hang
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain(l[0], "，。：、）"));
        Assert.All(lines, l => Assert.False(l.EndsWith("45262", StringComparison.Ordinal) || l.StartsWith("4-2026", StringComparison.Ordinal), l));
    }

    [Fact]
    public async Task AMissingFont_StopsTheStart_NamingTheFileAndWhatToDo()
    {
        await using var host = new ApprovalHost(settings: new Dictionary<string, string?> { ["Notices:FontPath"] = "/no/such/font.ttf" });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var message = error.ToString();
        Assert.Contains("Notices:FontPath", message);
        Assert.Contains("/no/such/font.ttf", message);
        Assert.Contains("Notices/Fonts", message);
    }

    [Fact]
    public void AFontCollection_IsNotTakenForATrueTypeFont()
    {
        var collection = Path.Combine(Path.GetTempPath(), $"notice-{Guid.NewGuid():N}.ttc");
        File.WriteAllBytes(collection, [.. "ttcf"u8, 0, 2, 0, 0]);
        try
        {
            Assert.Contains("not a single TrueType font", NoticeFonts.Problem(collection));
            Assert.Null(NoticeFonts.Problem(new NoticeOptions().FontPath));
            Assert.Null(NoticeFonts.Problem(new NoticeOptions().LatinFontPath));
        }
        finally
        {
            File.Delete(collection);
        }
    }
}
