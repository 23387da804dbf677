using System.Diagnostics;
using System.Globalization;

namespace GraphLite.Bench.Runner.Servers;

/// <summary>The bare minimal API in test/bench/Ceiling: the throughput GraphLite's figures are compared with.</summary>
internal sealed class CeilingServer(BenchPaths paths) : ServerUnderTest
{
    public override string Name => "ceiling (minimal API)";

    public override bool IsCeiling => true;

    public override string? FindUnavailableReason() =>
        File.Exists(paths.CeilingAssembly) ? null : $"{paths.CeilingAssembly} is missing; build test/bench in Release.";

    public override async Task<RunningServer> StartAsync(long rows, int port, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(paths.CeilingAssembly)! };
        foreach (var argument in new[] { paths.CeilingAssembly, "--urls", baseAddress.ToString().TrimEnd('/'), "--rows", rows.ToString(CultureInfo.InvariantCulture) })
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

    public override ScenarioRequest? FindRequest(Scenario scenario, long rows) => GraphRequests.For(scenario, rows);
}
