using System.Globalization;
using System.Text;

namespace GraphLite.Bench.Runner;

/// <summary>Writes the measurements as one Markdown table, grouped by scenario and row count.</summary>
internal static class ResultTable
{
    public static string Format(IReadOnlyList<Measurement> measurements, string ceilingName)
    {
        ArgumentNullException.ThrowIfNull(measurements);

        var builder = new StringBuilder();
        builder.AppendLine("| scenario | rows | server | req/s | vs ceiling | p50 ms | p99 ms | CPU µs/req | RSS MiB | note |");
        builder.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---|");
        var serverOrder = measurements.Select(measurement => measurement.Server).Distinct().ToList();
        var ordered = measurements
            .OrderBy(measurement => measurement.Scenario)
            .ThenBy(measurement => measurement.Rows)
            .ThenBy(measurement => serverOrder.IndexOf(measurement.Server));

        foreach (var measurement in ordered)
        {
            var ceiling = Find(measurements, ceilingName, measurement.Scenario, measurement.Rows);
            builder.AppendLine(CultureInfo.InvariantCulture, $"| {measurement.Scenario.Name()} | {measurement.Rows:N0} | {measurement.Server} | {Row(measurement, ceiling)} |");
        }

        return builder.ToString();
    }

    /// <summary>Returns the measurement of a scenario on a server, or null when there is none with a figure.</summary>
    public static Measurement? Find(IEnumerable<Measurement> measurements, string server, Scenario scenario, long rows) =>
        measurements.FirstOrDefault(measurement => measurement.Server == server && measurement.Scenario == scenario && measurement.Rows == rows && measurement.Wrk is not null);

    /// <summary>Returns the throughput of <paramref name="measurement"/> as a multiple of the ceiling's, or null.</summary>
    public static double? RatioToCeiling(Measurement measurement, Measurement? ceiling) =>
        measurement.Wrk is { } result && ceiling?.Wrk is { RequestsPerSecond: > 0 } top
            ? result.RequestsPerSecond / top.RequestsPerSecond
            : null;

    private static string Row(Measurement measurement, Measurement? ceiling)
    {
        if (measurement.Wrk is not { } result)
        {
            return $"– | – | – | – | – | – | {measurement.Note}";
        }

        var ratio = RatioToCeiling(measurement, ceiling) is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "–";
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.RequestsPerSecond:N0} | {ratio} | {result.P50Us / 1000.0:F2} | {result.P99Us / 1000.0:F2} | {measurement.CpuMicrosecondsPerRequest:F0} | {measurement.ResidentMebibytes:F0} | {measurement.Note}");
    }
}
