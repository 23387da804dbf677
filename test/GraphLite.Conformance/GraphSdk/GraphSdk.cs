using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;

namespace GraphLite.Conformance.GraphSdk;

/// <summary>
/// Builds a <see cref="GraphServiceClient"/> for the live GraphLite, and the requests for the entity set that
/// Graph itself does not have, so the SDK has no request builder for it.
/// </summary>
public static class GraphSdk
{
    public const string SetPath = "participantLeftNotifications";

    /// <summary>Maps every 4xx and 5xx response to the SDK's <see cref="ODataError"/>, as its own request builders do.</summary>
    public static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public static GraphServiceClient CreateClient() =>
        new(new BaseBearerTokenAuthenticationProvider(new StaticAccessTokenProvider(LiveServer.Token)), LiveServer.ServiceRoot);

    public static RequestInformation Create(GraphServiceClient client, ParticipantLeftNotification notification)
    {
        ArgumentNullException.ThrowIfNull(client);

        var request = new RequestInformation(Method.POST, "{+baseurl}/" + SetPath, new Dictionary<string, object>());
        request.Headers.Add("Accept", "application/json");
        request.SetContentFromParsable(client.RequestAdapter, "application/json", notification);
        return request;
    }

    /// <summary>A GET of an absolute URL, as a caller writes one for a URL the SDK has no builder for.</summary>
    public static RequestInformation Get(string url)
    {
        var request = new RequestInformation { HttpMethod = Method.GET, URI = new Uri(url) };
        request.Headers.Add("Accept", "application/json");
        return request;
    }

    public static Task<Entity?> SendForEntityAsync(this GraphServiceClient client, RequestInformation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);

        // Entity's factory picks the derived model from @odata.type, so a missing type annotation yields a bare Entity.
        return client.RequestAdapter.SendAsync(request, Entity.CreateFromDiscriminatorValue, ErrorMapping, cancellationToken);
    }

    public static async Task<ParticipantLeftNotification> CreateNotificationAsync(GraphServiceClient client, string participantId, string? id = null)
    {
        // The SDK's backing store writes every property that was assigned, so an id of null would go out as "id": null.
        var notification = new ParticipantLeftNotification { ParticipantId = participantId };
        if (id is not null)
        {
            notification.Id = id;
        }

        var created = await client.SendForEntityAsync(Create(client, notification));
        return created as ParticipantLeftNotification
            ?? throw new InvalidOperationException($"The create returned {created?.GetType().Name ?? "nothing"}, not a ParticipantLeftNotification.");
    }
}
