using GraphLite.Errors;
using GraphLite.Http;
using GraphLite.OData.Concurrency;
using GraphLite.OData.Writes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Deltas;

namespace GraphLite.OData;

public abstract partial class EntitySetController<TEntity>
{
    /// <summary>POST ~/{set}: 201 with the entity, or 204 with <c>Prefer: return=minimal</c>.</summary>
    public async Task<IActionResult> Post([FromBody] TEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);

        var invalid = services.Validator.ValidateForCreate(entity);
        if (invalid is not null)
        {
            return new GraphErrorResult(invalid);
        }

        entity.Id ??= Guid.NewGuid().ToString();
        if (!await store.TryAddAsync(entity, cancellationToken))
        {
            return new GraphErrorResult(GraphError.Conflict(entity.Id));
        }

        EntityTags.SetHeader(Response, entity);
        if (PreferHeader.Parse(Request).Return is { } preferredReturn)
        {
            PreferHeader.AddApplied(Response, $"return={preferredReturn}");
        }

        // Created returns 204 with Location and OData-EntityId under Prefer: return=minimal.
        return Created(entity);
    }

    /// <summary>PATCH ~/{set}/{key}: changes the properties in the body.</summary>
    public async Task<IActionResult> Patch(string key, [FromBody] Delta<TEntity> delta, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delta);

        if (services.Changes.CheckPatch(key, delta) is { } invalid)
        {
            return new GraphErrorResult(invalid);
        }

        var (entity, error) = await services.Writer.UpdateAsync(store, key, Request, target =>
        {
            EntityChanges.ApplyPatch(delta, target);
            return null;
        }, cancellationToken);
        return Written(entity, error);
    }

    /// <summary>PUT ~/{set}/{key}: replaces every property; one the body leaves out is reset.</summary>
    public async Task<IActionResult> Put(string key, [FromBody] TEntity replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacement);

        if (services.Changes.CheckReplacement(key, replacement) is { } invalid)
        {
            return new GraphErrorResult(invalid);
        }

        var (entity, error) = await services.Writer.UpdateAsync(store, key, Request, target =>
        {
            services.Changes.ApplyReplacement(replacement, target);
            return null;
        }, cancellationToken);
        return Written(entity, error);
    }

    /// <summary>DELETE ~/{set}/{key}: 204 No Content.</summary>
    public async Task<IActionResult> Delete(string key, CancellationToken cancellationToken)
    {
        var error = await services.Writer.DeleteAsync(store, key, Request, cancellationToken);
        return error is null ? NoContent() : new GraphErrorResult(error);
    }

    /// <summary>Answers an update: 204 by default, 200 with the entity under <c>Prefer: return=representation</c>.</summary>
    private IActionResult Written(TEntity? entity, GraphError? error)
    {
        if (error is not null)
        {
            return new GraphErrorResult(error);
        }

        EntityTags.SetHeader(Response, entity!);
        var prefer = PreferHeader.Parse(Request);
        if (prefer.ReturnsRepresentation)
        {
            PreferHeader.AddApplied(Response, "return=representation");
            return Ok(entity);
        }

        if (prefer.ReturnsMinimal)
        {
            PreferHeader.AddApplied(Response, "return=minimal");
        }

        return NoContent();
    }
}
