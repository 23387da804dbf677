namespace GraphLite.Bench.Runner.Servers;

/// <summary>The scenarios as Graph URLs under <c>/v1.0</c>, which GraphLite and the ceiling both serve.</summary>
internal static class GraphRequests
{
    private const string SetPath = "/v1.0/participantLeftNotifications";

    public static ScenarioRequest For(Scenario scenario, long rows) => scenario switch
    {
        Scenario.GetByKey => ScenarioRequest.GetByKey(SetPath + "/"),
        Scenario.Collection => ScenarioRequest.Get(SetPath + "?$top=100"),
        Scenario.Filter => ScenarioRequest.Get(SetPath + $"?$filter=participantId%20eq%20'{BenchBodies.FilterValue(rows)}'"),
        Scenario.Batch => ScenarioRequest.Post("/v1.0/$batch", BenchBodies.Batch(rows), 200),
        Scenario.Create => ScenarioRequest.Post(SetPath, BenchBodies.Create, 201),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };
}
