namespace GraphLite.Bench.Ceiling;

/// <summary>The little query parsing the ceiling needs: one filter form and batch sub-request URLs.</summary>
internal static class CeilingQuery
{
    private const string FilterPrefix = "participantId eq '";

    public static readonly IReadOnlyDictionary<string, string> JsonHeaders =
        new Dictionary<string, string> { ["Content-Type"] = "application/json" };

    /// <summary>Returns the value of <c>participantId eq 'value'</c>, or null for no filter or any other form.</summary>
    public static string? ParticipantIdFilter(string? filter) =>
        filter is not null && filter.StartsWith(FilterPrefix, StringComparison.Ordinal) && filter.EndsWith('\'')
            ? filter[FilterPrefix.Length..^1]
            : null;

    /// <summary>Returns the key of a sub-request URL such as <c>/participantLeftNotifications/{id}</c>.</summary>
    public static string LastSegment(string url) => Uri.UnescapeDataString(url[(url.LastIndexOf('/') + 1)..]);
}
