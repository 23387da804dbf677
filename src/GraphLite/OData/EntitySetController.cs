using GraphLite.Errors;
using GraphLite.Model;
using GraphLite.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Routing.Controllers;

namespace GraphLite.OData;

/// <summary>
/// The actions every Graph entity set shares, named by AspNetCore.OData's routing conventions. An entity set's
/// controller derives from it with the set's name, e.g. <c>ParticipantLeftNotificationsController</c>.
/// </summary>
public abstract class EntitySetController<TEntity>(IEntityStore<TEntity> store, EntityValidator validator) : ODataController
    where TEntity : Entity
{
    [EnableQuery]
    public IQueryable<TEntity> Get() => store.Query();

    [EnableQuery]
    public async Task<IActionResult> Get(string key, CancellationToken cancellationToken)
    {
        var entity = await store.FindAsync(key, cancellationToken);
        if (entity is null)
        {
            return new GraphErrorResult(GraphError.NotFound(key));
        }

        return Ok(entity);
    }

    public async Task<IActionResult> Post([FromBody] TEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);

        var invalid = validator.ValidateForCreate(entity);
        if (invalid is not null)
        {
            return new GraphErrorResult(invalid);
        }

        entity.Id ??= Guid.NewGuid().ToString();
        if (!await store.TryAddAsync(entity, cancellationToken))
        {
            return new GraphErrorResult(GraphError.Conflict(entity.Id));
        }

        return Created(entity);
    }
}
