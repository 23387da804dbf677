using GraphLite.Errors;
using GraphLite.Http;
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
            return (null, Rejected(request, error));
        }

        // Outside the try: a failing store is a server error, not a bad query.
        var all = store.Query();
        try
        {
            options = new ODataQueryOptions<TEntity>(new ODataQueryContext(model, typeof(TEntity), request.ODataFeature().Path), request);
            error = validator.ValidateParsed(options, out sortKeys);
            return error is null ? (ApplyFilterAndSearch(all, options, store.RunsQueriesInProcess), null) : (null, Rejected(request, error));
        }
        catch (ODataException exception)
        {
            return (null, Rejected(request, CollectionQueryValidator.InvalidQuery(exception)));
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // AspNetCore.OData's binders report some unsupported expressions this way, with CLR details in the message.
            var requestId = RequestIds.Of(request.HttpContext).RequestId;
            LogBindingFailed(logger, exception, requestId);
            return (null, GraphError.BadRequest("The query specified in the URI is not valid. GraphLite cannot run this $filter or $search; simplify the expression."));
        }
    }

    private static IQueryable<TEntity> ApplyFilterAndSearch<TEntity>(IQueryable<TEntity> query, ODataQueryOptions<TEntity> options, bool runsInProcess)
    {
        // With null propagation AspNetCore.OData binds functions to variants that return what SQL returns where .NET
        // throws, e.g. the empty string for a substring past the end. SQL providers cannot translate those variants.
        var settings = new ODataQuerySettings
        {
            HandleNullPropagation = runsInProcess ? HandleNullPropagationOption.True : HandleNullPropagationOption.False,
        };
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

    /// <summary>Logs a rejected query at Debug and returns its error.</summary>
    public GraphError Rejected(HttpRequest request, GraphError error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(error);

        var requestId = RequestIds.Of(request.HttpContext).RequestId;
        LogRejected(logger, requestId, error.Message);
        return error;
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Could not bind the query options of request {RequestId}")]
    private static partial void LogBindingFailed(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(EventId = 31, Level = LogLevel.Debug, Message = "Rejected the query options of request {RequestId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string requestId, string reason);
}
