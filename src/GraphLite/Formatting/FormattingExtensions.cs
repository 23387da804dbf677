using Microsoft.AspNetCore.Mvc;

namespace GraphLite.Formatting;

/// <summary>
/// Puts the fast JSON formatters ahead of AspNetCore.OData's, which take every request they decline.
/// </summary>
public static class FormattingExtensions
{
    public static IServiceCollection AddGraphFastFormatters(this IServiceCollection services)
    {
        // PostConfigure runs after AddOData's own MVC set-up, which inserts its formatters at the front.
        services.PostConfigure<MvcOptions>(options =>
        {
            options.InputFormatters.Insert(0, new EntityJsonInputFormatter());
            options.OutputFormatters.Insert(0, new EntityJsonOutputFormatter());
        });
        return services;
    }
}
