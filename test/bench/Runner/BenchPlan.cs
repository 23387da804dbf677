using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GraphLite.Bench.Runner.Servers;

namespace GraphLite.Bench.Runner;

/// <summary>
/// Measures the servers one after another. Each server starts once per row count: with the first row count it
/// serves every scenario, with the others only GET by key. Every process is warmed up before it is measured.
/// </summary>
internal sealed class BenchPlan(BenchOptions options, Wrk wrk, TextWriter progress)
{
    private const int PortRange = 20;
    private int _starts;

    /// <summary>Servers that were not measured, with the reason.</summary>
    public List<(string Server, string Reason)> Skipped { get; } = [];

    public async Task<IReadOnlyList<Measurement>> RunAsync(IReadOnlyList<ServerUnderTest> servers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(servers);

        var measurements = new List<Measurement>();
        foreach (var server in servers)
        {
            if (server.FindUnavailableReason() is { } reason)
            {
                progress.WriteLine($"{server.Name}: skipped, {reason}");
                Skipped.Add((server.Name, reason));
                continue;
            }

            for (var index = 0; index < options.Rows.Count; index++)
            {
                Scenario[] scenarios = index == 0 ? Enum.GetValues<Scenario>() : [Scenario.GetByKey];
                measurements.AddRange(await MeasureProcessAsync(server, options.Rows[index], scenarios, cancellationToken));
            }
        }

        return measurements;
    }

    private async Task<List<Measurement>> MeasureProcessAsync(ServerUnderTest server, long rows, Scenario[] scenarios, CancellationToken cancellationToken)
    {
        var measurements = new List<Measurement>();
        progress.WriteLine($"{server.Name}, {rows:N0} rows: starting");
        var stopwatch = Stopwatch.StartNew();
        RunningServer running;
        try
        {
            running = await server.StartAsync(rows, NextPort(), cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or IOException)
        {
            progress.WriteLine($"{server.Name}, {rows:N0} rows: failed to start: {exception.Message}");
            return [.. scenarios.Select(scenario => Unmeasured(server, scenario, rows, $"failed: the server did not start ({exception.Message.Split('\n')[0]})"))];
        }

        await using (running)
        {
            progress.WriteLine($"{server.Name}, {rows:N0} rows: ready after {stopwatch.Elapsed.TotalSeconds:F1} s");
            var served = new List<(Scenario Scenario, ScenarioRequest Request)>();
            foreach (var scenario in scenarios)
            {
                var request = server.FindRequest(scenario, rows);
                var note = request is null ? "the server has no such call" : await ProbeAsync(running, scenario, request, rows, cancellationToken);
                if (note is null)
                {
                    served.Add((scenario, request!));
                }
                else
                {
                    measurements.Add(Unmeasured(server, scenario, rows, note));
                }
            }

            var reads = served.Where(entry => entry.Scenario != Scenario.Create).ToList();
            var warmupEach = options.Warmup <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Max(1, options.Warmup.TotalSeconds / Math.Max(1, reads.Count)));
            await WarmUpAsync(running, reads, rows, warmupEach, cancellationToken);
            foreach (var (scenario, request) in served)
            {
                if (scenario == Scenario.Create)
                {
                    // Creates add rows, so they are warmed up and measured after every read.
                    await WarmUpAsync(running, [(scenario, request)], rows, warmupEach, cancellationToken);
                }

                measurements.Add(await MeasureAsync(server, running, scenario, request, rows, cancellationToken));
            }
        }

        return measurements;
    }

    private async Task WarmUpAsync(RunningServer running, List<(Scenario Scenario, ScenarioRequest Request)> scenarios, long rows, TimeSpan each, CancellationToken cancellationToken)
    {
        if (each <= TimeSpan.Zero || scenarios.Count == 0)
        {
            return;
        }

        progress.WriteLine($"  warming up for {each.TotalSeconds * scenarios.Count:F0} s");
        foreach (var (_, request) in scenarios)
        {
            await wrk.RunAsync(running.Process.BaseAddress, request, rows, running.Token, each, cancellationToken);
        }
    }

    private async Task<Measurement> MeasureAsync(ServerUnderTest server, RunningServer running, Scenario scenario, ScenarioRequest request, long rows, CancellationToken cancellationToken)
    {
        var processId = running.Process.Id;
        var cpuBefore = ProcessStats.CpuTime(processId);
        var result = await wrk.RunAsync(running.Process.BaseAddress, request, rows, running.Token, options.Duration, cancellationToken);
        if (running.Process.HasExited)
        {
            return Unmeasured(server, scenario, rows, $"failed: the server exited during the run: {running.Process.LastOutput()}");
        }

        var cpu = ProcessStats.CpuTime(processId) - cpuBefore;
        var resident = ProcessStats.ResidentMebibytes(processId);
        var perRequest = result.Requests == 0 ? 0 : cpu.TotalMicroseconds / result.Requests;
        var note = result.Errors > 0
            ? $"failed: {result.StatusErrors} wrong statuses, {result.ConnectErrors + result.ReadErrors + result.WriteErrors} socket errors, {result.Timeouts} timeouts"
            : null;

        progress.WriteLine($"  {scenario.Name()}: {result.RequestsPerSecond:N0} req/s, p50 {result.P50Us / 1000.0:F2} ms, p99 {result.P99Us / 1000.0:F2} ms, "
            + $"{perRequest:F0} µs CPU/request, {resident:F0} MiB{(note is null ? string.Empty : ", " + note)}");
        return new Measurement(server.Name, server.IsGraphLite, scenario, rows, result, perRequest, resident, note);
    }

    /// <summary>Sends one request of the scenario; returns null when its status is the expected one, else the reason.</summary>
    private static async Task<string?> ProbeAsync(RunningServer running, Scenario scenario, ScenarioRequest request, long rows, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = running.Process.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.ProbePath(rows / 2), UriKind.Relative));
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        if (running.Token is not null)
        {
            message.Headers.Authorization = new("Bearer", running.Token);
        }

        using var response = await client.SendAsync(message, cancellationToken);
        var status = (int)response.StatusCode;
        if (status == request.ExpectedStatus)
        {
            return null;
        }

        // A build without the batch endpoint rejects it as an unknown URL or method. That is a missing call, not a failure.
        return scenario == Scenario.Batch && status is 400 or 404 or 405
            ? $"not served: {status} {response.StatusCode}"
            : $"failed: the first request answered {status} {response.StatusCode}, not {request.ExpectedStatus}";
    }

    private static Measurement Unmeasured(ServerUnderTest server, Scenario scenario, long rows, string note) =>
        new(server.Name, server.IsGraphLite, scenario, rows, null, 0, 0, note);

    private int NextPort()
    {
        if (options.FirstPort is { } first)
        {
            return first + (_starts++ % PortRange);
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
