namespace GraphLite.Bench.Runner.Servers;

/// <summary>The bare minimal API in test/bench/Ceiling: the throughput GraphLite's figures are compared with.</summary>
internal sealed class CeilingServer(BenchPaths paths) : RowsArgumentServer(paths.CeilingAssembly)
{
    public override string Name => "ceiling (minimal API)";

    public override bool IsCeiling => true;

    public override ScenarioRequest? FindRequest(Scenario scenario, long rows) => GraphRequests.For(scenario, rows);
}
