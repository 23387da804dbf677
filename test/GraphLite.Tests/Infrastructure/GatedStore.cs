using GraphLite.Notifications;
using GraphLite.Storage;

namespace GraphLite.Tests.Infrastructure;

/// <summary>A store that makes every update wait at a <see cref="SaveGate"/> before it saves.</summary>
public sealed class GatedStore(IEntityStore<ParticipantLeftNotification> inner, SaveGate gate) : IEntityStore<ParticipantLeftNotification>
{
    public IQueryable<ParticipantLeftNotification> Query() => inner.Query();

    public bool RunsQueriesInProcess => inner.RunsQueriesInProcess;

    public Task<IReadOnlyList<ParticipantLeftNotification>> ListAsync(IQueryable<ParticipantLeftNotification> query, CancellationToken cancellationToken) =>
        inner.ListAsync(query, cancellationToken);

    public Task<long> CountAsync(IQueryable<ParticipantLeftNotification> query, CancellationToken cancellationToken) => inner.CountAsync(query, cancellationToken);

    public Task<ParticipantLeftNotification?> FindAsync(string id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

    public Task<bool> TryAddAsync(ParticipantLeftNotification entity, CancellationToken cancellationToken) => inner.TryAddAsync(entity, cancellationToken);

    public async Task<StoreWriteResult> TryUpdateAsync(ParticipantLeftNotification entity, long expectedVersion, CancellationToken cancellationToken)
    {
        await gate.PassAsync();
        return await inner.TryUpdateAsync(entity, expectedVersion, cancellationToken);
    }

    public Task<StoreWriteResult> TryDeleteAsync(ParticipantLeftNotification entity, long expectedVersion, CancellationToken cancellationToken) =>
        inner.TryDeleteAsync(entity, expectedVersion, cancellationToken);
}
