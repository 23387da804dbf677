using System.Net.Http.Headers;
using System.Text;

namespace GraphLite.Tests.Infrastructure;

/// <summary>Builds the request bodies the tests send.</summary>
public static class Requests
{
    public const string SetPath = "participantLeftNotifications";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Body(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static Task<HttpResponseMessage> CreateAsync(this HttpClient client, string json) =>
        client.PostAsync(SetPath, Json(json));

    public static string Notification(string participantId, string? id = null) => id is null
        ? $$"""{"@odata.type":"#microsoft.graph.participantLeftNotification","participantId":"{{participantId}}"}"""
        : $$"""{"@odata.type":"#microsoft.graph.participantLeftNotification","id":"{{id}}","participantId":"{{participantId}}"}""";
}
