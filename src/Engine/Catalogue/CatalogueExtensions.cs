namespace Approval.Engine.Catalogue;

internal static class CatalogueExtensions
{
    public static WebApplicationBuilder AddCatalogue(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CatalogueEditor>();
        builder.Services.AddScoped<SampleCatalogue>();
        builder.Services.AddScoped<CreateItem>();
        builder.Services.AddScoped<UpdateItem>();
        builder.Services.AddScoped<RemoveItem>();
        builder.Services.AddScoped<ImportCatalogue>();
        return builder;
    }
}
