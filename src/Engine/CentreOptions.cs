namespace Approval.Engine;

/// <summary>The service centre the platform runs for (section <c>Centre</c>): its name on every notice, its county's code in every case number.</summary>
public sealed class CentreOptions
{
    public const string Section = "Centre";

    /// <summary>The centre's name as its notices are headed.</summary>
    public string Name { get; set; } = "德保县政务服务中心";

    /// <summary>The county's administrative division code (行政区划代码, GB/T 2260), six digits: the head of every case number.</summary>
    public string CountyCode { get; set; } = "452624";

    /// <summary>The short form in a notice's number (文号), e.g. 德政服 in 德政服受字〔2026〕第0001号.</summary>
    public string NoticePrefix { get; set; } = "德政服";

    /// <summary>The centre's enquiry and supervision phones, printed on notices.</summary>
    public string Phone { get; set; } = "0776-3822345";

    public string SupervisionPhone { get; set; } = "0776-3822312";
}

internal static class CentreExtensions
{
    /// <summary>The centre's name and codes, checked at start-up.</summary>
    public static WebApplicationBuilder AddCentre(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CentreOptions>().BindConfiguration(CentreOptions.Section)
            .Validate(c => c.CountyCode is { Length: 6 } code && code.All(char.IsAsciiDigit), "Centre:CountyCode is the county's six-digit division code.")
            .Validate(c => !string.IsNullOrWhiteSpace(c.Name) && c.Name.Length <= 50, "Centre:Name is the centre's name, at most 50 characters.")
            .Validate(c => !string.IsNullOrWhiteSpace(c.NoticePrefix) && c.NoticePrefix.Length <= 10, "Centre:NoticePrefix is at most 10 characters.")
            .ValidateOnStart();
        return builder;
    }
}
