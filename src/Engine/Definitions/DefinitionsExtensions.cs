namespace Approval.Engine.Definitions;

internal static class DefinitionsExtensions
{
    /// <summary>Reading flows, and their writes: a draft started, a draft changed, a draft published.</summary>
    public static WebApplicationBuilder AddDefinitions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DefinitionReads>();
        builder.Services.AddScoped<CreateDraft>();
        builder.Services.AddScoped<UpdateDraft>();
        builder.Services.AddScoped<PublishDefinition>();
        return builder;
    }
}
