using Approval.Engine;

namespace Approval.YearOfCases;

/// <summary>
/// <c>dotnet run --project tools/Approval.YearOfCases -- [options]</c>: a simulated year of applications
/// taken through the platform, and the year's report checked against it (docs/statistics.md).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var command = YearOfCasesCommand.From(args, out var usage);
        if (command is null)
        {
            Console.Error.WriteLine(usage);
            return 2;
        }

        // Development, as the Engine's own launch profile: plain HTTP on loopback (no HTTPS redirection).
        // The Engine's settings are copied beside the tool, so its folder is the content root.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (!command.Configure(builder))
        {
            return 2;
        }

        builder.AddPlatform();
        var app = builder.Build();
        app.MapPlatform();

        await app.PrepareAsync();
        return await command.RunAsync(app);
    }
}
