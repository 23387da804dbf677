namespace GraphLite.Batch;

/// <summary>One request of a JSON $batch, checked and ready to run.</summary>
/// <param name="Id">The client's id, unique in the batch ignoring case.</param>
/// <param name="Method">The HTTP method in upper case.</param>
/// <param name="Url">The URL relative to the version root, with or without a leading slash.</param>
/// <param name="Headers">The request headers the client sent for this request.</param>
/// <param name="Body">The body bytes, or null without a body.</param>
/// <param name="DependsOn">The ids of the requests that must succeed first, spelled as those requests spell them.</param>
public sealed record BatchRequestItem(
    string Id,
    string Method,
    string Url,
    IReadOnlyDictionary<string, string> Headers,
    byte[]? Body,
    IReadOnlyList<string> DependsOn);

/// <summary>The response to one request of a JSON $batch.</summary>
/// <param name="Id">The id of the request it responds to.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Headers">The response headers, in Graph's spelling.</param>
/// <param name="Body">The body bytes, empty without a body.</param>
public sealed record BatchResponseItem(string Id, int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? ContentType => Headers.FirstOrDefault(header => header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
}
