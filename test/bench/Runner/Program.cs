using System.Globalization;
using GraphLite.Bench.Runner;
using GraphLite.Bench.Runner.Servers;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    cancellation.Cancel();
};

var paths = new BenchPaths(options.RepositoryRoot);
await using var postgres = new PostgresDatabase(Environment.GetEnvironmentVariable(PostgresDatabase.Variable));
var ceiling = new CeilingServer(paths);
var peer = new JsonServerPeer(paths);
var known = new Dictionary<string, ServerUnderTest>(StringComparer.OrdinalIgnoreCase)
{
    ["ceiling"] = ceiling,
    ["odata-floor"] = new ODataFloorServer(paths),
    ["json-server"] = peer,
    ["inmemory"] = new GraphLiteServer(paths, GraphLiteStore.InMemory, postgres),
    ["sqlite"] = new GraphLiteServer(paths, GraphLiteStore.Sqlite, postgres),
    ["postgresql"] = new GraphLiteServer(paths, GraphLiteStore.PostgreSQL, postgres),
};
var unknown = options.Servers.Where(name => !known.ContainsKey(name)).ToList();
if (unknown.Count > 0)
{
    await Console.Error.WriteLineAsync($"Unknown server '{unknown[0]}'. Servers: {string.Join(", ", known.Keys)}.");
    return 2;
}

var loadBefore = MachineInfo.LoadAverage();
var started = DateTimeOffset.UtcNow;
var plan = new BenchPlan(options, new Wrk(paths.WrkScript, options.Connections), Console.Error);
IReadOnlyList<Measurement> measurements;
try
{
    measurements = await plan.RunAsync([.. options.Servers.Select(name => known[name])], cancellation.Token);
}
finally
{
    if (Directory.Exists(paths.WorkDirectory))
    {
        Directory.Delete(paths.WorkDirectory, recursive: true);
    }
}

var table = ResultTable.Format(measurements, ceiling.Name);
var targets = new TargetReport(measurements, ceiling.Name, peer.Name).Format();
var skipped = string.Concat(plan.Skipped.Select(entry => $"- {entry.Server} was not measured: {entry.Reason}.\n"));
var machine = await MachineInfo.DescribeAsync(paths, loadBefore, cancellation.Token);
var run = string.Create(CultureInfo.InvariantCulture, $"""
    Run of {started:yyyy-MM-dd HH:mm} UTC, {(DateTimeOffset.UtcNow - started).TotalMinutes:F0} minutes: `{options.CommandLine}`
    ({options.Duration.TotalSeconds:F0} s per scenario after {options.Warmup.TotalSeconds:F0} s of warm-up per server process, wrk with 1 thread and {options.Connections} connections)

    {machine}

    {table}
    {skipped}
    Targets:

    {targets}
    """);

Console.WriteLine(run);
if (options.ResultsFile is not null)
{
    await ResultsFile.WriteAsync(options.ResultsFile, run, cancellation.Token);
    await Console.Error.WriteLineAsync($"Wrote {options.ResultsFile}.");
}

var failed = measurements.Where(measurement => measurement.Failed).ToList();
foreach (var measurement in failed)
{
    await Console.Error.WriteLineAsync($"{measurement.Server}, {measurement.Scenario.Name()}, {measurement.Rows:N0} rows: {measurement.Note}");
}

return failed.Count == 0 && measurements.Count > 0 ? 0 : 1;
