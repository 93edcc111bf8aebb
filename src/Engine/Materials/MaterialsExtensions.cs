namespace Approval.Engine.Materials;

internal static class MaterialsExtensions
{
    /// <summary>Material uploads: the "Materials" section (Path, MaxBytes) and the store on disk.</summary>
    public static WebApplicationBuilder AddMaterials(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Materials").Get<MaterialOptions>() ?? new MaterialOptions();
        if (options.MaxBytes < 1)
        {
            throw new InvalidOperationException("Materials:MaxBytes must be 1 or more.");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<MaterialStore>();
        builder.Services.AddScoped<UploadMaterial>();
        return builder;
    }
}
