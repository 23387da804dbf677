using GraphLite.Notifications;
using GraphLite.Storage;
using GraphLite.Storage.InMemory;
using GraphLite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.Storage;

/// <summary>
/// The in-memory store looks keys up in its key index, so every save, failed ones included, must leave the
/// index equal to EF Core's table.
/// </summary>
public sealed class InMemoryKeyIndexTests
{
    private GraphLiteFactory _factory = null!;

    [SetUp]
    public void SetUp() => _factory = new GraphLiteFactory();

    [TearDown]
    public async Task TearDownAsync() => await _factory.DisposeAsync();

    [Test]
    public async Task Find_ReturnsTrackedCopy_OfStoredRow()
    {
        await SaveAsync(new ParticipantLeftNotification { Id = "copy", ParticipantId = "stored" });
        await using var scope = _factory.Services.CreateAsyncScope();
        var context = Context(scope);

        var found = await context.FindEntityAsync<ParticipantLeftNotification>("copy", CancellationToken.None);
        found!.ParticipantId = "changed but not saved";

        context.Entry(found).State.Should().Be(EntityState.Modified);
        (await FindInNewScopeAsync("copy"))!.ParticipantId.Should().Be("stored");
    }

    [Test]
    public async Task Find_SeesUpdate_AfterSave()
    {
        await SaveAsync(new ParticipantLeftNotification { Id = "updated", ParticipantId = "before", RowVersion = 1 });
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var context = Context(scope);
            var entity = await context.FindEntityAsync<ParticipantLeftNotification>("updated", CancellationToken.None);
            entity!.ParticipantId = "after";
            entity.RowVersion = 2;
            await context.SaveChangesAsync();
        }

        var found = await FindInNewScopeAsync("updated");

        found!.ParticipantId.Should().Be("after");
        found.RowVersion.Should().Be(2);
    }

    [Test]
    public async Task Find_ReturnsNull_AfterDelete()
    {
        await SaveAsync(new ParticipantLeftNotification { Id = "deleted", ParticipantId = "p" });
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var context = Context(scope);
            context.Remove((await context.FindEntityAsync<ParticipantLeftNotification>("deleted", CancellationToken.None))!);
            await context.SaveChangesAsync();
        }

        (await FindInNewScopeAsync("deleted")).Should().BeNull();
        (await CountInTableAsync()).Should().Be(0);
    }

    [Test]
    public async Task Save_KeepsIndex_WhenConcurrencyTokenIsStale()
    {
        await SaveAsync(new ParticipantLeftNotification { Id = "stale", ParticipantId = "original", RowVersion = 5 });
        await using var scope = _factory.Services.CreateAsyncScope();
        var context = Context(scope);
        var entity = await context.FindEntityAsync<ParticipantLeftNotification>("stale", CancellationToken.None);
        context.Entry(entity!).Property(notification => notification.RowVersion).OriginalValue = 4;
        entity!.ParticipantId = "lost update";
        entity.RowVersion = 6;

        var save = () => context.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateConcurrencyException>();
        (await FindInNewScopeAsync("stale"))!.ParticipantId.Should().Be("original");
    }

    [Test]
    public async Task Save_IndexesRowsStoredBeforeFailure_WhenSaveFailsPartway()
    {
        await SaveAsync(new ParticipantLeftNotification { Id = "existing", ParticipantId = "p" });
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var context = Context(scope);
            context.Add(new ParticipantLeftNotification { Id = "a-new", ParticipantId = "p" });
            context.Add(new ParticipantLeftNotification { Id = "existing", ParticipantId = "duplicate" });

            var save = () => context.SaveChangesAsync();

            await save.Should().ThrowAsync<Exception>();
        }

        var inTable = await IdsInTableAsync();
        foreach (var id in new[] { "a-new", "existing" })
        {
            ((await FindInNewScopeAsync(id)) is not null).Should().Be(inTable.Contains(id), "the index must agree with the table on '{0}'", id);
        }

        (await FindInNewScopeAsync("existing"))!.ParticipantId.Should().Be("p");
    }

    [Test]
    public async Task Index_HoldsOneRowPerStoredEntity()
    {
        for (var index = 0; index < 50; index++)
        {
            await SaveAsync(new ParticipantLeftNotification { Id = $"row-{index}", ParticipantId = "p" });
        }

        _factory.Services.GetRequiredService<InMemoryKeyIndex>().Count.Should().Be(50);
        (await CountInTableAsync()).Should().Be(50);
    }

    private static GraphLiteDbContext Context(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<GraphLiteDbContext>();

    private async Task SaveAsync(ParticipantLeftNotification notification)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var context = Context(scope);
        context.Add(notification);
        await context.SaveChangesAsync();
    }

    private async Task<ParticipantLeftNotification?> FindInNewScopeAsync(string id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await Context(scope).FindEntityAsync<ParticipantLeftNotification>(id, CancellationToken.None);
    }

    private async Task<int> CountInTableAsync() => (await IdsInTableAsync()).Count;

    private async Task<List<string>> IdsInTableAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await Context(scope).Set<ParticipantLeftNotification>().Select(notification => notification.Id).ToListAsync();
    }
}
