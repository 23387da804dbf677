using System.Diagnostics;
using System.Globalization;

namespace GraphLite.Bench.Runner.Servers;

/// <summary>
/// A .NET server from test/bench that fills its own dictionary from <c>--rows N</c> and needs no token: the ceiling
/// and the OData floor.
/// </summary>
internal abstract class RowsArgumentServer(string assembly) : ServerUnderTest
{
    public override string? FindUnavailableReason() =>
        File.Exists(assembly) ? null : $"{assembly} is missing; build test/bench in Release.";

    public override async Task<RunningServer> StartAsync(long rows, int port, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(assembly)! };
        foreach (var argument in new[] { assembly, "--urls", baseAddress.ToString().TrimEnd('/'), "--rows", rows.ToString(CultureInfo.InvariantCulture) })
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
}
