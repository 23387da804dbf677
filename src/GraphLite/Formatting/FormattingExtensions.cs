using Microsoft.AspNetCore.Mvc;

namespace GraphLite.Formatting;

/// <summary>
/// Puts the fast JSON input formatter ahead of AspNetCore.OData's, which reads every body it declines.
/// Responses are always written by AspNetCore.OData.
/// </summary>
public static class FormattingExtensions
{
    public static IServiceCollection AddGraphFastInputFormatter(this IServiceCollection services)
    {
        // PostConfigure runs after AddOData's own MVC set-up, which inserts its formatters at the front.
        services.PostConfigure<MvcOptions>(options => options.InputFormatters.Insert(0, new EntityJsonInputFormatter()));
        return services;
    }
}
