namespace Approval.Engine.Catalogue;

internal static class CatalogueExtensions
{
    public static WebApplicationBuilder AddCatalogue(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CatalogueEditor>();
        builder.Services.AddScoped<SampleCatalogue>();
        return builder;
    }
}
