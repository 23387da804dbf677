using System.Net;
using GraphLite.Notifications;
using GraphLite.Storage;
using GraphLite.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.Https;

/// <summary>The in-process host takes the scheme from the request URL, so https:// URLs stand for HTTPS requests.</summary>
public sealed class StrictTransportSecurityTests
{
    private const string Hsts = "Strict-Transport-Security";

    [Test]
    public async Task Response_OverHttps_CarriesHsts()
    {
        using var factory = new GraphLiteFactory();
        using var client = factory.CreateGraphClient();

        var response = await client.GetAsync("https://localhost/v1.0/participantLeftNotifications");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header(Hsts).Should().Be("max-age=31536000");
    }

    [Test]
    public async Task Response_OverHttp_HasNoHsts()
    {
        using var factory = new GraphLiteFactory();
        using var client = factory.CreateGraphClient();

        var response = await client.GetAsync("participantLeftNotifications");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains(Hsts).Should().BeFalse();
    }

    [Test]
    public async Task UnhandledException_OverHttps_CarriesHsts()
    {
        using var baseFactory = new GraphLiteFactory();
        using var factory = baseFactory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IEntityStore<ParticipantLeftNotification>, FailingStore>()));
        using var client = factory.CreateGraphClient(new Uri("https://localhost/v1.0/"));

        var response = await client.CreateAsync(Requests.Notification("p"));

        response.Header(Hsts).Should().Be("max-age=31536000");
        await response.ShouldBeGraphErrorAsync(HttpStatusCode.InternalServerError, "generalException");
    }

    private sealed class FailingStore : IEntityStore<ParticipantLeftNotification>
    {
        public IQueryable<ParticipantLeftNotification> Query() => throw new InvalidOperationException("store offline");

        public bool RunsQueriesInProcess => true;

        public Task<ParticipantLeftNotification?> FindAsync(string id, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("store offline");

        public Task<bool> TryAddAsync(ParticipantLeftNotification entity, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("store offline");

        public Task<IReadOnlyList<ParticipantLeftNotification>> ListAsync(IQueryable<ParticipantLeftNotification> query, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("store offline");

        public Task<long> CountAsync(IQueryable<ParticipantLeftNotification> query, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("store offline");

        public Task<StoreWriteResult> TryUpdateAsync(ParticipantLeftNotification entity, long expectedVersion, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("store offline");

        public Task<StoreWriteResult> TryDeleteAsync(ParticipantLeftNotification entity, long expectedVersion, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("store offline");
    }
}
