using System.Net;
using System.Text.Json;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.EntitySet;

/// <summary>Requests and reads shared by the entity set tests.</summary>
public static class EntitySetRequests
{
    public const string NotificationType = "#microsoft.graph.participantLeftNotification";

    /// <summary>Creates a notification with the given id and participantId and returns its ETag header.</summary>
    public static async Task<string> SeedAsync(this HttpClient client, string id, string participantId)
    {
        using var response = await client.CreateAsync(Requests.Notification(participantId, id));
        response.StatusCode.Should().Be(HttpStatusCode.Created, "seeding '{0}' must succeed", id);
        return response.Header("ETag");
    }

    /// <summary>Creates <paramref name="count"/> notifications with ids <c>{prefix}000</c>, <c>{prefix}001</c>, ….</summary>
    public static async Task SeedManyAsync(this HttpClient client, int count, string prefix = "n")
    {
        for (var index = 0; index < count; index++)
        {
            await client.SeedAsync($"{prefix}{index:D3}", $"participant-{index:D3}");
        }
    }

    /// <summary>Reads a collection page, asserts status 200 and returns the body.</summary>
    public static async Task<JsonElement> GetPageAsync(this HttpClient client, string url, string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "GET {0} must succeed", url);
        return await response.ReadJsonAsync();
    }

    /// <summary>Returns the ids of the items of a collection page, in order.</summary>
    public static List<string> Ids(this JsonElement page) =>
        page.GetProperty("value").EnumerateArray().Select(item => item.GetProperty("id").GetString()!).ToList();

    public static string? NextLink(this JsonElement page) =>
        page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;

    public static List<string> PropertyNames(this JsonElement element) =>
        element.EnumerateObject().Select(property => property.Name).ToList();

    /// <summary>Sends a request with a JSON body and optional headers.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, string? json, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = Requests.Json(json);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return client.SendAsync(request);
    }
}
