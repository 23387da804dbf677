using GraphLite.OData.Keys;
using GraphLite.OData.Paging;
using GraphLite.OData.Query;
using GraphLite.OData.Writes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GraphLite.OData;

/// <summary>
/// Registers what the entity set controllers need beyond AspNetCore.OData: query limits, keyset paging and
/// guarded writes, with their settings from <c>GraphLite:Paging</c> and <c>GraphLite:QueryLimits</c>. The URL
/// length limit is <c>GraphLite:Limits:MaxUrlLength</c>, checked for every request.
/// </summary>
public static class EntitySetExtensions
{
    public static IServiceCollection AddEntitySets(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<PagingOptions>().BindConfiguration(PagingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QueryLimitsOptions>().BindConfiguration(QueryLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SkipTokenProtector>();
        services.AddSingleton<CollectionQueryValidator>();
        services.AddSingleton<EntitySetQueries>();
        services.AddSingleton<EntitySetPager>();
        services.AddSingleton<EntityWriter>();
        services.AddSingleton<EntityChanges>();
        services.AddSingleton<EntitySetServices>();
        return services;
    }

    /// <summary>Adds the query option names rewrite and the entity key reading; call it before routing.</summary>
    public static IApplicationBuilder UseEntitySetQueries(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseMiddleware<QueryOptionNamesMiddleware>();
        app.UseMiddleware<EntityKeyPathMiddleware>();
        return app;
    }
}
