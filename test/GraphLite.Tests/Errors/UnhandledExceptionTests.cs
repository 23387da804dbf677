using System.Net;
using GraphLite.Notifications;
using GraphLite.Storage;
using GraphLite.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.Errors;

public sealed class UnhandledExceptionTests
{
    [Test]
    public async Task Create_Returns500GraphError_WhenStoreThrows()
    {
        using var baseFactory = new GraphLiteFactory();
        using var factory = baseFactory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IEntityStore<ParticipantLeftNotification>, ThrowingStore>()));
        using var client = factory.CreateGraphClient();

        var response = await client.CreateAsync(Requests.Notification("p"));

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.InternalServerError, "generalException");
        error.GetProperty("message").GetString().Should().NotContain(nameof(ThrowingStore)).And.NotContain("disk on fire");
    }

    [TestCase("participantLeftNotifications")]
    [TestCase("participantLeftNotifications?$filter=id eq 'x'")]
    [TestCase("participantLeftNotifications/$count")]
    [TestCase("participantLeftNotifications/some-id")]
    public async Task Read_Returns500GraphError_WhenStoreThrows(string url)
    {
        using var factory = new GraphLiteFactory(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IEntityStore<ParticipantLeftNotification>, ThrowingStore>()));
        using var client = factory.CreateGraphClient();

        var response = await client.GetAsync(url);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.InternalServerError, "generalException");
        error.GetProperty("message").GetString().Should().NotContain("disk on fire");
    }

    [Test]
    public async Task Query_Returns400WithoutStackTrace_ForBadFilter()
    {
        using var factory = new GraphLiteFactory();
        using var client = factory.CreateGraphClient();

        var response = await client.GetAsync("participantLeftNotifications?$filter=noSuchProperty eq 'x'");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Contain("noSuchProperty");
    }

    private sealed class ThrowingStore : IEntityStore<ParticipantLeftNotification>
    {
        public IQueryable<ParticipantLeftNotification> Query() => throw new InvalidOperationException("disk on fire");

        public bool RunsQueriesInProcess => true;

        public Task<ParticipantLeftNotification?> FindAsync(string id, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("disk on fire");

        public Task<bool> TryAddAsync(ParticipantLeftNotification entity, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("disk on fire");

        public Task<IReadOnlyList<ParticipantLeftNotification>> ListAsync(IQueryable<ParticipantLeftNotification> query, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("disk on fire");

        public Task<long> CountAsync(IQueryable<ParticipantLeftNotification> query, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("disk on fire");

        public Task<StoreWriteResult> TryUpdateAsync(ParticipantLeftNotification entity, long expectedVersion, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("disk on fire");

        public Task<StoreWriteResult> TryDeleteAsync(ParticipantLeftNotification entity, long expectedVersion, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("disk on fire");
    }
}
