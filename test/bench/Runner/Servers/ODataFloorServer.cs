namespace GraphLite.Bench.Runner.Servers;

/// <summary>
/// The bare ODataController in test/bench/ODataFloor: what the stack GraphLite must be built on reaches before
/// GraphLite adds anything, so the table separates the stack's own cost from GraphLite's.
/// </summary>
internal sealed class ODataFloorServer(BenchPaths paths) : RowsArgumentServer(paths.ODataFloorAssembly)
{
    public override string Name => "OData floor (bare ODataController)";

    /// <summary>The same calls as GraphLite's, but no $batch: the floor maps no batch handler.</summary>
    public override ScenarioRequest? FindRequest(Scenario scenario, long rows) =>
        scenario == Scenario.Batch ? null : GraphRequests.For(scenario, rows);
}
