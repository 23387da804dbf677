using GraphLite.Errors;
using GraphLite.Model;
using GraphLite.OData.Paging;
using GraphLite.Storage;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.OData;
using Microsoft.OData.Edm;

namespace GraphLite.OData.Query;

/// <summary>
/// Reads the query options of a collection request and composes <c>$filter</c> and <c>$search</c> on the store's
/// query, turning every parse or binding failure into a 400 Graph error.
/// </summary>
public sealed partial class EntitySetQueries(CollectionQueryValidator validator, IEdmModel model, ILogger<EntitySetQueries> logger)
{
    public (IQueryable<TEntity>? Query, GraphError? Error) Prepare<TEntity>(
        IEntityStore<TEntity> store, HttpRequest request, out ODataQueryOptions<TEntity>? options, out IReadOnlyList<SortKey> sortKeys)
        where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);

        options = null;
        sortKeys = [];
        var error = validator.ValidateRaw(request.Query);
        if (error is not null)
        {
            return (null, error);
        }

        try
        {
            options = new ODataQueryOptions<TEntity>(new ODataQueryContext(model, typeof(TEntity), request.ODataFeature().Path), request);
            error = validator.ValidateParsed(options, out sortKeys);
            return error is null ? (ApplyFilterAndSearch(store.Query(), options), null) : (null, error);
        }
        catch (ODataException exception)
        {
            return (null, CollectionQueryValidator.InvalidQuery(exception));
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // AspNetCore.OData's binders report some unsupported expressions this way, with CLR details in the message.
            LogBindingFailed(logger, exception, request.QueryString.Value);
            return (null, GraphError.BadRequest("The query specified in the URI is not valid. GraphLite cannot run this $filter or $search; simplify the expression."));
        }
    }

    private static IQueryable<TEntity> ApplyFilterAndSearch<TEntity>(IQueryable<TEntity> query, ODataQueryOptions<TEntity> options)
    {
        var settings = new ODataQuerySettings();
        if (options.Filter is not null)
        {
            query = (IQueryable<TEntity>)options.Filter.ApplyTo(query, settings);
        }

        if (options.Search is not null)
        {
            query = (IQueryable<TEntity>)options.Search.ApplyTo(query, settings);
        }

        return query;
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Could not bind the query options {Query}")]
    private static partial void LogBindingFailed(ILogger logger, Exception exception, string? query);
}
