using System.Diagnostics;
using System.Globalization;

namespace GraphLite.Bench.Runner.Servers;

/// <summary>
/// The bare ODataController in test/bench/ODataFloor: what the stack GraphLite must be built on reaches before
/// GraphLite adds anything, so the table separates the stack's own cost from GraphLite's.
/// </summary>
internal sealed class ODataFloorServer(BenchPaths paths) : ServerUnderTest
{
    public override string Name => "OData floor (bare ODataController)";

    public override string? FindUnavailableReason() =>
        File.Exists(paths.ODataFloorAssembly) ? null : $"{paths.ODataFloorAssembly} is missing; build test/bench in Release.";

    public override async Task<RunningServer> StartAsync(long rows, int port, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(paths.ODataFloorAssembly)! };
        foreach (var argument in new[] { paths.ODataFloorAssembly, "--urls", baseAddress.ToString().TrimEnd('/'), "--rows", rows.ToString(CultureInfo.InvariantCulture) })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = ServerProcess.Start(startInfo, baseAddress);
        try
        {
            var probe = GraphRequests.For(Scenario.GetByKey, rows).ProbePath(rows - 1);
            await ReadyWait.UntilReadableAsync(process, probe, token: null, TimeSpan.FromMinutes(5), cancellationToken);
            return new RunningServer(process, token: null);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The same calls as GraphLite's, but no $batch: the floor maps no batch handler.</summary>
    public override ScenarioRequest? FindRequest(Scenario scenario, long rows) =>
        scenario == Scenario.Batch ? null : GraphRequests.For(scenario, rows);
}
