using System.Text.Json;

namespace GraphLite.Bench.Runner;

/// <summary>The request bodies and query values every server gets, built from the stored rows.</summary>
internal static class BenchBodies
{
    public const int BatchSize = 20;

    public const string Create = """{"@odata.type":"#microsoft.graph.participantLeftNotification","participantId":"bench-participant"}""";

    /// <summary>Returns the participantId that the filter scenario looks for: one row in the middle.</summary>
    public static string FilterValue(long rows) => BenchRows.ParticipantId(rows / 2);

    /// <summary>Returns a JSON batch of 20 GETs by key spread over the rows, with Graph SDK style leading slashes.</summary>
    public static string Batch(long rows)
    {
        var requests = Enumerable.Range(0, BatchSize).Select(item => new Dictionary<string, string>
        {
            ["id"] = (item + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["method"] = "GET",
            ["url"] = "/participantLeftNotifications/" + BenchRows.Key(item * rows / BatchSize),
        });
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["requests"] = requests });
    }
}
