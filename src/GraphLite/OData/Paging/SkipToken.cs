using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphLite.OData.Paging;

/// <summary>
/// What a <c>$skiptoken</c> remembers: the sort key values of the last row of the page it follows, the page size,
/// a fingerprint of the query it belongs to, and when it was issued.
/// </summary>
/// <param name="LastKey">The values of the sort keys of the last row, in sort order, ending with its id.</param>
/// <param name="PageSize">The page size of the request that issued the token.</param>
/// <param name="Query">The fingerprint of the entity set, <c>$filter</c>, <c>$search</c> and <c>$orderby</c>.</param>
/// <param name="IssuedAt">Seconds since the Unix epoch.</param>
public sealed record SkipToken(
    [property: JsonPropertyName("k")] IReadOnlyList<JsonElement> LastKey,
    [property: JsonPropertyName("n")] int PageSize,
    [property: JsonPropertyName("q")] string Query,
    [property: JsonPropertyName("t")] long IssuedAt);
