using GraphLite.Errors;
using GraphLite.Http;
using GraphLite.Model;
using GraphLite.OData.Concurrency;
using GraphLite.Storage;

namespace GraphLite.OData.Writes;

/// <summary>
/// Runs an update or delete of one entity: read it, check <c>If-Match</c> and <c>If-None-Match</c>, change it, and
/// save it on the condition that no other request wrote it in between.
/// </summary>
/// <remarks>
/// Two writers that send the same <c>If-Match</c> both pass the check, but the store saves only the first; the
/// second gets 412. A writer without a specific <c>If-Match</c> requested no version, so a lost race is retried
/// on the newer version, up to <see cref="MaxAttempts"/> times, and then rejected with 409.
/// </remarks>
public sealed partial class EntityWriter(ILogger<EntityWriter> logger)
{
    public const int MaxAttempts = 3;

    /// <summary>Updates the entity; <paramref name="change"/> edits it in place or returns the error to send.</summary>
    public async Task<(TEntity? Entity, GraphError? Error)> UpdateAsync<TEntity>(
        IEntityStore<TEntity> store, string key, HttpRequest request, Func<TEntity, GraphError?> change, CancellationToken cancellationToken)
        where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);

        for (var attempt = 1; ; attempt++)
        {
            var (entity, error) = await ReadCheckedAsync(store, key, request, cancellationToken);
            if (error is not null)
            {
                return (null, error);
            }

            var expectedVersion = entity!.RowVersion;
            var invalid = change(entity);
            if (invalid is not null)
            {
                return (null, invalid);
            }

            var result = await store.TryUpdateAsync(entity, expectedVersion, cancellationToken);
            if (result == StoreWriteResult.Succeeded)
            {
                return (entity, null);
            }

            if (!ShouldRetry(result, request, attempt))
            {
                return (null, Failure(result, key, request));
            }

            var requestId = RequestIds.Of(request.HttpContext).RequestId;
            LogRetry(logger, requestId, key, attempt);
        }
    }

    public async Task<GraphError?> DeleteAsync<TEntity>(IEntityStore<TEntity> store, string key, HttpRequest request, CancellationToken cancellationToken)
        where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(store);

        for (var attempt = 1; ; attempt++)
        {
            var (entity, error) = await ReadCheckedAsync(store, key, request, cancellationToken);
            if (error is not null)
            {
                return error;
            }

            var result = await store.TryDeleteAsync(entity!, entity!.RowVersion, cancellationToken);
            if (result == StoreWriteResult.Succeeded)
            {
                return null;
            }

            if (!ShouldRetry(result, request, attempt))
            {
                return Failure(result, key, request);
            }

            var requestId = RequestIds.Of(request.HttpContext).RequestId;
            LogRetry(logger, requestId, key, attempt);
        }
    }

    private static async Task<(TEntity? Entity, GraphError? Error)> ReadCheckedAsync<TEntity>(
        IEntityStore<TEntity> store, string key, HttpRequest request, CancellationToken cancellationToken)
        where TEntity : Entity
    {
        if (Preconditions.Validate(request) is { } malformed)
        {
            return (null, malformed);
        }

        var entity = await store.FindAsync(key, cancellationToken);
        if (entity is null)
        {
            return (null, GraphError.NotFound(key));
        }

        return Preconditions.Evaluate(request, entity.RowVersion, isRead: false) == PreconditionOutcome.Passed
            ? (entity, null)
            : (null, GraphError.PreconditionFailed(key));
    }

    private static bool ShouldRetry(StoreWriteResult result, HttpRequest request, int attempt) =>
        result == StoreWriteResult.VersionMismatch && !Preconditions.NamesVersion(request) && attempt < MaxAttempts;

    private GraphError Failure(StoreWriteResult result, string key, HttpRequest request)
    {
        var error = result switch
        {
            StoreWriteResult.NotFound => GraphError.NotFound(key),
            _ when Preconditions.NamesVersion(request) => GraphError.PreconditionFailed(key),
            _ => new GraphError(
                StatusCodes.Status409Conflict,
                GraphErrorCodes.ForStatus(StatusCodes.Status409Conflict),
                $"'{key}' was changed by other requests while this one ran, {MaxAttempts} times in a row. Retry the request."),
        };

        var requestId = RequestIds.Of(request.HttpContext).RequestId;
        LogLostRace(logger, requestId, key, error.StatusCode);
        return error;
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Debug, Message = "Request {RequestId} lost a write race on '{Key}' in attempt {Attempt}; retrying")]
    private static partial void LogRetry(ILogger logger, string requestId, string key, int attempt);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "Request {RequestId} lost a write race on '{Key}'; responding with status {Status}")]
    private static partial void LogLostRace(ILogger logger, string requestId, string key, int status);
}
