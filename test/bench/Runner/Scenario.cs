namespace GraphLite.Bench.Runner;

/// <summary>The calls the benchmark measures, in the order it measures them on one server.</summary>
internal enum Scenario
{
    /// <summary>GET of one entity by a random key among the stored rows.</summary>
    GetByKey,

    /// <summary>GET of the collection with <c>$top=100</c>.</summary>
    Collection,

    /// <summary>GET of the collection filtered to one row by <c>participantId eq '…'</c>.</summary>
    Filter,

    /// <summary>POST of a JSON <c>$batch</c> of 20 GETs by key.</summary>
    Batch,

    /// <summary>POST of a new entity, the create call. Measured last, because it adds rows.</summary>
    Create,
}

/// <summary>Names and descriptions of <see cref="Scenario"/> for the table.</summary>
internal static class ScenarioNames
{
    public static string Name(this Scenario scenario) => scenario switch
    {
        Scenario.GetByKey => "GET by key",
        Scenario.Collection => "GET $top=100",
        Scenario.Filter => "GET $filter",
        Scenario.Batch => "$batch of 20 GETs",
        Scenario.Create => "POST create",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };
}

/// <summary>
/// One scenario as a given server takes it: a fixed request, or a GET by key that picks a random row per request.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query of a fixed request; null when <paramref name="KeyPath"/> is set.</param>
/// <param name="KeyPath">The path before the key of a GET by key, ending in a slash.</param>
/// <param name="Body">The JSON body, or null.</param>
/// <param name="ExpectedStatus">The status every response must have.</param>
internal sealed record ScenarioRequest(string Method, string? Path, string? KeyPath, string? Body, int ExpectedStatus)
{
    public static ScenarioRequest Get(string path) => new("GET", path, null, null, 200);

    public static ScenarioRequest GetByKey(string keyPath) => new("GET", null, keyPath, null, 200);

    public static ScenarioRequest Post(string path, string body, int expectedStatus) => new("POST", path, null, body, expectedStatus);

    /// <summary>Returns the path of one request of this scenario, with the key of row <paramref name="row"/>.</summary>
    public string ProbePath(long row) => Path ?? KeyPath + BenchRows.Key(row);
}
