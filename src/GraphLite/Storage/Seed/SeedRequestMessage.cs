using Microsoft.OData;

namespace GraphLite.Storage.Seed;

/// <summary>One JSON object of a seed file, presented to the OData reader as the body of a create request.</summary>
internal sealed class SeedRequestMessage(ReadOnlyMemory<byte> body) : IODataRequestMessage
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Type"] = "application/json;odata.metadata=minimal",
        ["OData-Version"] = "4.0",
    };

    public IEnumerable<KeyValuePair<string, string>> Headers => _headers;

    public Uri Url { get; set; } = new("http://localhost/v1.0/" + SeedOptions.EntitySetName);

    public string Method { get; set; } = "POST";

    public string? GetHeader(string headerName) => _headers.GetValueOrDefault(headerName);

    public void SetHeader(string headerName, string headerValue) => _headers[headerName] = headerValue;

    public Stream GetStream() => new MemoryStream(body.ToArray(), writable: false);
}
