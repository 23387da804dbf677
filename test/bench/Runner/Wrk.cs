using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace GraphLite.Bench.Runner;

/// <summary>What wrk counted in one run, read from the line that test/bench/wrk/scenario.lua prints.</summary>
internal sealed record WrkResult(
    long Requests,
    long DurationUs,
    long ConnectErrors,
    long ReadErrors,
    long WriteErrors,
    long StatusErrors,
    long Timeouts,
    long P50Us,
    long P99Us,
    double MeanUs)
{
    public double RequestsPerSecond => DurationUs == 0 ? 0 : Requests * 1_000_000.0 / DurationUs;

    public long Errors => ConnectErrors + ReadErrors + WriteErrors + StatusErrors + Timeouts;
}

/// <summary>Runs wrk with one thread and a fixed number of connections against one scenario.</summary>
internal sealed class Wrk(string scriptPath, int connections)
{
    private const string ResultPrefix = "BENCH_RESULT ";

    public async Task<WrkResult> RunAsync(Uri baseAddress, ScenarioRequest request, long rows, string? token, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(request);

        var startInfo = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-t1", $"-c{connections}", $"-d{Math.Max(1, (int)duration.TotalSeconds)}s", "--timeout", "10s", "-s", scriptPath, baseAddress.ToString() })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["BENCH_METHOD"] = request.Method;
        SetOrRemove(startInfo, "BENCH_PATH", request.Path);
        SetOrRemove(startInfo, "BENCH_KEY_PATH", request.KeyPath is null ? null : request.KeyPath + BenchRows.KeyPrefix);
        SetOrRemove(startInfo, "BENCH_ROWS", rows.ToString(CultureInfo.InvariantCulture));
        SetOrRemove(startInfo, "BENCH_BODY", request.Body);
        SetOrRemove(startInfo, "BENCH_TOKEN", token);

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("wrk did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);

        var resultLine = (await output).Split('\n').FirstOrDefault(line => line.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || resultLine is null)
        {
            throw new InvalidOperationException($"wrk failed with exit code {process.ExitCode}: {await output} {await error}".Trim());
        }

        return JsonSerializer.Deserialize<WrkResult>(resultLine[ResultPrefix.Length..], s_jsonOptions)
            ?? throw new InvalidOperationException($"wrk printed an empty result: {resultLine}");
    }

    private static readonly JsonSerializerOptions s_jsonOptions = new(JsonSerializerDefaults.Web);

    private static void SetOrRemove(ProcessStartInfo startInfo, string name, string? value)
    {
        if (value is null)
        {
            startInfo.Environment.Remove(name);
        }
        else
        {
            startInfo.Environment[name] = value;
        }
    }
}
