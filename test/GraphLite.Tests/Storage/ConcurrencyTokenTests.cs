using GraphLite.Notifications;
using GraphLite.Storage;
using GraphLite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.Storage;

/// <summary>
/// RowVersion is a concurrency token in the database: of two GraphLite hosts that both read version 1 and both write
/// version 2, exactly one succeeds. ETags are built on this, so two instances cannot both win an If-Match race.
/// </summary>
[TestFixtureSource(typeof(StoreKinds), nameof(StoreKinds.Durable))]
public sealed class ConcurrencyTokenTests(StoreKind kind)
{
    private TestStore _store = null!;

    [SetUp]
    public void SetUp() => _store = TestStore.Create(kind);

    [TearDown]
    public async Task TearDownAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Test]
    public async Task StaleWrite_FromOtherHost_IsRejected()
    {
        await using var first = new GraphLiteFactory(_store.Configure);
        await using var second = new GraphLiteFactory(_store.Configure);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<GraphLiteDbContext>();
            context.Add(new ParticipantLeftNotification { Id = "raced", ParticipantId = "original", RowVersion = 1 });
            await context.SaveChangesAsync();
        }

        await using var firstScope = first.Services.CreateAsyncScope();
        await using var secondScope = second.Services.CreateAsyncScope();
        var firstContext = firstScope.ServiceProvider.GetRequiredService<GraphLiteDbContext>();
        var secondContext = secondScope.ServiceProvider.GetRequiredService<GraphLiteDbContext>();
        var firstCopy = (await firstContext.FindEntityAsync<ParticipantLeftNotification>("raced", CancellationToken.None))!;
        var secondCopy = (await secondContext.FindEntityAsync<ParticipantLeftNotification>("raced", CancellationToken.None))!;
        (firstCopy.ParticipantId, firstCopy.RowVersion) = ("first wins", 2);
        (secondCopy.ParticipantId, secondCopy.RowVersion) = ("second wins", 2);

        var outcomes = await Task.WhenAll(SaveAsync(firstContext), SaveAsync(secondContext));

        outcomes.Count(saved => saved).Should().Be(1);
        var rows = await _store.ReadNotificationRowsAsync();
        rows.Should().ContainSingle().Which.ParticipantId.Should().Be(outcomes[0] ? "first wins" : "second wins");
    }

    private static async Task<bool> SaveAsync(GraphLiteDbContext context)
    {
        try
        {
            await context.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
