using System.Diagnostics;

namespace Approval.Engine.Tests.Notices;

/// <summary>Reads a PDF as poppler does (pdftotext, pdffonts): what a reader of the notice sees, and what it embeds.</summary>
internal static class PdfText
{
    /// <summary>
    /// The PDF's text in the order it is drawn (-raw: the seal's arched name, drawn last, would otherwise be
    /// read into the lines beside it), with every space and line break taken out, so words wrapped across lines read whole.
    /// </summary>
    public static async Task<string> TextAsync(byte[] pdf) =>
        string.Concat((await RunAsync("pdftotext", pdf, "-raw -enc UTF-8 {0} -")).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>pdffonts' table of the PDF's fonts.</summary>
    public static Task<string> FontsAsync(byte[] pdf) => RunAsync("pdffonts", pdf, "{0}");

    private static async Task<string> RunAsync(string tool, byte[] pdf, string arguments)
    {
        var path = $"/usr/bin/{tool}";
        Assert.True(File.Exists(path), $"{path} is missing: install poppler-utils (apt-get install poppler-utils) to read the notices' PDFs.");
        var file = Path.Combine(Path.GetTempPath(), $"notice-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(path, string.Format(arguments, $"\"{file}\""))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await error}");
            return await output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
