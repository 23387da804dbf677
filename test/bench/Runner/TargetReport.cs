using System.Globalization;
using System.Text;

namespace GraphLite.Bench.Runner;

/// <summary>Checks the measurements against GraphLite's performance targets and lists each as met or missed.</summary>
internal sealed class TargetReport(IReadOnlyList<Measurement> measurements, string ceilingName, string peerName)
{
    private const double CreateRatio = 0.35;
    private const double GetByKeyRatio = 0.40;
    private const double P99Milliseconds = 5;
    private const double GrowthLimit = 1.5;
    private const long MemoryRows = 100_000;
    private const double MemoryLimitMebibytes = 300;

    private readonly StringBuilder _lines = new();

    public string Format()
    {
        var stores = measurements.Where(measurement => measurement.IsGraphLite).Select(measurement => measurement.Server).Distinct().ToList();
        var smallest = measurements.Count == 0 ? 0 : measurements.Min(measurement => measurement.Rows);
        var largest = measurements.Count == 0 ? 0 : measurements.Max(measurement => measurement.Rows);

        foreach (var store in stores)
        {
            Ratio(store, Scenario.Create, smallest, CreateRatio);
            foreach (var rows in RowCounts(store))
            {
                Ratio(store, Scenario.GetByKey, rows, GetByKeyRatio);
            }

            Latency(store);
            Growth(store, smallest, largest);
            AheadOfPeer(store);
        }

        Memory();
        return _lines.ToString();
    }

    private IEnumerable<long> RowCounts(string server) =>
        measurements.Where(measurement => measurement.Server == server && measurement.Scenario == Scenario.GetByKey).Select(measurement => measurement.Rows).Distinct().Order();

    private void Ratio(string store, Scenario scenario, long rows, double target)
    {
        var measurement = ResultTable.Find(measurements, store, scenario, rows);
        var ratio = measurement is null ? null : ResultTable.RatioToCeiling(measurement, ResultTable.Find(measurements, ceilingName, scenario, rows));
        Add(ratio is null ? null : ratio >= target, $"{store}: {scenario.Name()} at {rows:N0} rows ≥ {target:0.00}x of the ceiling", ratio is null ? "not measured" : $"{ratio:0.00}x");
    }

    private void Latency(string store)
    {
        var measured = measurements
            .Where(measurement => measurement.Server == store && measurement.Scenario is Scenario.Create or Scenario.GetByKey && measurement.Wrk is not null)
            .ToList();
        var worst = measured.MaxBy(measurement => measurement.Wrk!.P99Us);
        Add(worst is null ? null : worst.Wrk!.P99Us / 1000.0 < P99Milliseconds,
            $"{store}: p99 < {P99Milliseconds} ms for POST create and GET by key",
            worst is null ? "not measured" : $"worst {worst.Wrk!.P99Us / 1000.0:F2} ms ({worst.Scenario.Name()}, {worst.Rows:N0} rows)");
    }

    private void Growth(string store, long smallest, long largest)
    {
        var small = ResultTable.Find(measurements, store, Scenario.GetByKey, smallest);
        var large = ResultTable.Find(measurements, store, Scenario.GetByKey, largest);
        if (small is null || large is null || smallest == largest || small.CpuMicrosecondsPerRequest <= 0)
        {
            Add(null, $"{store}: GET by key at {largest:N0} rows within {GrowthLimit}x of its cost at {smallest:N0}", "not measured");
            return;
        }

        var growth = large.CpuMicrosecondsPerRequest / small.CpuMicrosecondsPerRequest;
        var slowdown = small.Wrk!.RequestsPerSecond / Math.Max(1, large.Wrk!.RequestsPerSecond);
        Add(growth <= GrowthLimit, $"{store}: GET by key at {largest:N0} rows within {GrowthLimit}x of its cost at {smallest:N0}",
            $"CPU per request {growth:0.00}x, throughput {1 / slowdown:0.00}x");
    }

    private void AheadOfPeer(string store)
    {
        var behind = new List<string>();
        var compared = 0;
        foreach (var measurement in measurements.Where(measurement => measurement.Server == store && measurement.Wrk is not null))
        {
            var peer = ResultTable.Find(measurements, peerName, measurement.Scenario, measurement.Rows);
            var reads = measurement.Wrk!.RequestsPerSecond;
            if (peer is null && measurement.Scenario == Scenario.Batch)
            {
                // The peer has no batch call: a client sends its 20 reads one by one.
                peer = ResultTable.Find(measurements, peerName, Scenario.GetByKey, measurement.Rows);
                reads *= BenchBodies.BatchSize;
            }

            if (peer is null)
            {
                continue;
            }

            compared++;
            if (reads <= peer.Wrk!.RequestsPerSecond)
            {
                behind.Add($"{measurement.Scenario.Name()} at {measurement.Rows:N0} rows ({reads:N0} vs {peer.Wrk.RequestsPerSecond:N0} req/s)");
            }
        }

        var target = $"{store}: ahead of {peerName} in every scenario";
        if (compared == 0)
        {
            Add(null, target, "not measured");
        }
        else if (behind.Count == 0)
        {
            Add(true, target, $"{compared} of {compared} comparisons");
        }
        else
        {
            Add(false, target, "behind in " + string.Join("; ", behind));
        }
    }

    private void Memory()
    {
        var measurement = ResultTable.Find(measurements, "GraphLite InMemory", Scenario.GetByKey, MemoryRows);
        Add(measurement is null ? null : measurement.ResidentMebibytes < MemoryLimitMebibytes,
            $"GraphLite InMemory: RSS < {MemoryLimitMebibytes} MiB with {MemoryRows:N0} stored rows",
            measurement is null ? "not measured" : $"{measurement.ResidentMebibytes:F0} MiB");
    }

    private void Add(bool? met, string target, string figure)
    {
        var verdict = met switch { true => "met", false => "MISSED", null => "not measured" };
        _lines.AppendLine(CultureInfo.InvariantCulture, $"- {verdict}: {target}: {figure}");
    }
}
