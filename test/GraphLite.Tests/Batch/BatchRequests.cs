using System.Text.Json;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Batch;

/// <summary>Sends $batch requests and reads their responses.</summary>
internal static class BatchRequests
{
    public static Task<HttpResponseMessage> SendBatchAsync(this HttpClient client, string json) =>
        client.PostAsync("$batch", Requests.Json(json));

    /// <summary>Returns the item responses of a batch by id.</summary>
    public static async Task<Dictionary<string, JsonElement>> ReadResponsesAsync(this HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync();
        return body.GetProperty("responses").EnumerateArray().ToDictionary(item => item.GetProperty("id").GetString()!);
    }

    public static string Header(this JsonElement item, string name) =>
        item.GetProperty("headers").TryGetProperty(name, out var value) ? value.GetString()! : string.Empty;

    public static IEnumerable<string> HeaderNames(this JsonElement item) =>
        item.GetProperty("headers").EnumerateObject().Select(header => header.Name);
}
