using GraphLite.Errors;
using GraphLite.Model;
using GraphLite.OData.Concurrency;
using GraphLite.OData.Keys;
using GraphLite.OData.Query;
using GraphLite.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;
using Microsoft.OData.UriParser;

namespace GraphLite.OData;

/// <summary>
/// The actions every Graph entity set shares, named by AspNetCore.OData's routing conventions. An entity set's
/// controller derives from it with the set's name, e.g. <c>ParticipantLeftNotificationsController</c>.
/// This part reads; <c>EntitySetController.Writes.cs</c> writes.
/// </summary>
[ExactKey]
public abstract partial class EntitySetController<TEntity>(IEntityStore<TEntity> store, EntitySetServices services) : ODataController
    where TEntity : Entity
{
    /// <summary>GET ~/{set} with query options, and GET ~/{set}/$count.</summary>
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        if (Request.ODataFeature().Path.LastSegment is CountSegment)
        {
            var (count, countError) = await services.Pager.CountAsync(store, Request, cancellationToken);
            return countError is null ? Ok(count) : new GraphErrorResult(countError);
        }

        var (page, error) = await services.Pager.ReadPageAsync(store, Request, cancellationToken);
        return error is null ? Ok(page) : new GraphErrorResult(error);
    }

    /// <summary>GET ~/{set}/{key}, with <c>$select</c>, <c>If-None-Match</c> (304) and <c>If-Match</c> (412).</summary>
    [EntityQuery]
    public async Task<IActionResult> Get(string key, CancellationToken cancellationToken)
    {
        var (entity, error) = await ReadConditionallyAsync(key, cancellationToken);
        if (error is not null)
        {
            return new GraphErrorResult(error);
        }

        if (entity is null)
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        ResponseEntityTags.Register(HttpContext, [entity]);
        return Ok(entity);
    }

    /// <summary>GET ~/{set}/{key}/{property} and GET ~/{set}/{key}/{property}/$value.</summary>
    public async Task<IActionResult> GetProperty(string key, CancellationToken cancellationToken)
    {
        var (entity, error) = await ReadConditionallyAsync(key, cancellationToken);
        if (error is not null)
        {
            return new GraphErrorResult(error);
        }

        if (entity is null)
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var property = Request.ODataFeature().Path.OfType<PropertySegment>().Last().Property;
        var value = Request.GetModel().GetAnnotationValue<ClrPropertyInfoAnnotation>(property).ClrPropertyInfo.GetValue(entity);
        return value is null ? NoContent() : Ok(value);
    }

    /// <summary>
    /// Reads the entity and sets its ETag header. Returns a null entity and no error when <c>If-None-Match</c>
    /// names the current version.
    /// </summary>
    private async Task<(TEntity? Entity, GraphError? Error)> ReadConditionallyAsync(string key, CancellationToken cancellationToken)
    {
        if (Preconditions.Validate(Request) is { } malformed)
        {
            return (null, malformed);
        }

        var entity = await store.FindAsync(key, cancellationToken);
        if (entity is null)
        {
            return (null, GraphError.NotFound(key));
        }

        EntityTags.SetHeader(Response, entity);
        return Preconditions.Evaluate(Request, entity.RowVersion, isRead: true) switch
        {
            PreconditionOutcome.NotModified => (null, null),
            PreconditionOutcome.Failed => (null, GraphError.PreconditionFailed(key)),
            _ => (entity, null),
        };
    }
}
