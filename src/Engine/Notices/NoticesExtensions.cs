using Approval.Engine.Deadlines;
using Microsoft.Extensions.Options;

namespace Approval.Engine.Notices;

internal static class NoticesExtensions
{
    /// <summary>
    /// Legal notices (文书): issued by the steps (a step observer) and by the clocks (<see cref="IClockNotices"/>),
    /// drawn in the font of the <c>Notices</c> section, which must be there at start-up.
    /// </summary>
    public static WebApplicationBuilder AddNotices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NoticeOptions>, NoticeFontCheck>();

        // The fonts are read and installed for PDFsharp on first use, once for the process's life.
        builder.Services.AddSingleton(s => new Lazy<NoticeFontSet>(() => new NoticeFontSet(s.GetRequiredService<IOptions<NoticeOptions>>().Value)));
        builder.Services.AddSingleton<NoticePdf>();
        builder.Services.AddScoped<NoticeIssuer>();
        builder.Services.AddScoped<NoticeRendering>();
        builder.Services.AddScoped<Runtime.IStepObserver, NoticeObserver>();
        builder.Services.AddScoped<IClockNotices, ClockNotices>();
        return builder;
    }

    public static WebApplication MapNotices(this WebApplication app)
    {
        NoticesApi.MapNotices(app);
        return app;
    }
}

/// <summary>Start-up fails, saying which file and what to install, when a notice font is missing or unusable.</summary>
internal sealed class NoticeFontCheck : IValidateOptions<NoticeOptions>
{
    public ValidateOptionsResult Validate(string? name, NoticeOptions options)
    {
        List<string> problems = [];
        if (NoticeFonts.Problem(options.FontPath) is { } cjk)
        {
            problems.Add("Notices:FontPath: " + cjk);
        }

        if (NoticeFonts.Problem(options.LatinFontPath) is { } latin)
        {
            problems.Add("Notices:LatinFontPath: " + latin);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
