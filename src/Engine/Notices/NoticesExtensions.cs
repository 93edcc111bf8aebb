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
        builder.Services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.Section)
            .Validate(o => NoticeFonts.Problem(o.FontPath) is null, "Notices:FontPath is not a CJK TrueType font file: install fonts-droid-fallback or set Notices:FontPath to a .ttf.")
            .ValidateOnStart();
        builder.Services.AddSingleton(s => new NoticePdf(s.GetRequiredService<IOptions<NoticeOptions>>().Value));
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
