using GraphLite.Errors;
using GraphLite.Model;
using GraphLite.OData.Query;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData;
using Microsoft.AspNetCore.OData.Formatter.Serialization;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.Extensions.Options;
using Microsoft.OData;

namespace GraphLite.OData;

/// <summary>
/// Registers MVC and AspNetCore.OData for the Graph model under the <c>/v1.0</c> route prefix.
/// </summary>
public static class ODataExtensions
{
    public const string RoutePrefix = "v1.0";

    public static IServiceCollection AddGraphOData(this IServiceCollection services)
    {
        var model = GraphModel.Instance;
        KeySegmentLinks.Apply(model);
        services.AddSingleton(model);
        services.AddSingleton(new UnmatchedRouteClassifier(model, RoutePrefix));

        services
            .AddControllers(options =>
            {
                // An omitted id is allowed on create although the CLR property is non-nullable.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Filters.Add<RequestBodyValidationFilter>();
                options.Filters.Add<GraphErrorResultFilter>();
            })
            .AddOData(options =>
            {
                options.RouteOptions.EnableControllerNameCaseInsensitive = true;
                options.UrlKeyDelimiter = ODataUrlKeyDelimiter.Slash;
                options.EnableNoDollarQueryOptions = true;
                options.Select().Filter().OrderBy().Count().SetMaxTop(999);
                options.Conventions.Add(new EntityPropertyRoutingConvention());
                options.AddRouteComponents(RoutePrefix, model, routeServices =>
                {
                    routeServices.AddSingleton<ODataResourceSerializer, GraphResourceSerializer>();
                    routeServices.AddSingleton<ISearchBinder, SearchBinder>();
                });
            });

        services.AddSingleton<IPostConfigureOptions<MvcOptions>, ServiceRoot.FormatterSetup>();
        return services;
    }
}
