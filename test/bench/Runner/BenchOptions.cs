using System.Globalization;

namespace GraphLite.Bench.Runner;

/// <summary>The runner's command line. <c>test/bench/run --help</c> prints <see cref="Usage"/>.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Usage: test/bench/run [--smoke] [options]

          --smoke              a few seconds per scenario, no warm-up, 1,000 and 10,000 rows (for CI)
          --servers LIST       comma-separated: ceiling, odata-floor, json-server, inmemory, sqlite, postgresql (default: all)
          --rows LIST          stored row counts for GET by key; the first also serves the other scenarios
                               (default: 1000,100000,1000000)
          --duration SECONDS   measured time per scenario (default: 10; smoke: 2)
          --warmup SECONDS     warm-up per server process before its first measurement (default: 20; smoke: 1)
          --connections N      wrk connections, on one wrk thread (default: 8)
          --port N             first loopback port for the servers; each start takes the next of 20 ports
                               (default: a free port per start)
          --results FILE       write the run into FILE between its run markers (default: test/bench/RESULTS.md
                               for a full run, nothing for --smoke)
          --no-results         write no results file
        """;

    public bool Smoke { get; init; }

    public IReadOnlyList<string> Servers { get; init; } = ["ceiling", "odata-floor", "json-server", "inmemory", "sqlite", "postgresql"];

    public IReadOnlyList<long> Rows { get; init; } = [1_000, 100_000, 1_000_000];

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(20);

    public int Connections { get; init; } = 8;

    public int? FirstPort { get; init; }

    public string? ResultsFile { get; init; }

    public string RepositoryRoot { get; init; } = ".";

    /// <summary>The arguments as given, for the results file.</summary>
    public string CommandLine { get; init; } = "test/bench/run";

    public static BenchOptions Parse(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);

        var smoke = arguments.Contains("--smoke");
        var options = smoke
            ? new BenchOptions { Smoke = true, Rows = [1_000, 10_000], Duration = TimeSpan.FromSeconds(2), Warmup = TimeSpan.FromSeconds(1) }
            : new BenchOptions();
        var resultsDefault = true;

        for (var index = 0; index < arguments.Count; index++)
        {
            var name = arguments[index];
            string Value() => index + 1 < arguments.Count
                ? arguments[++index]
                : throw new ArgumentException($"{name} needs a value.{Environment.NewLine}{Usage}");

            options = name switch
            {
                "--smoke" => options,
                "--repo" => options with { RepositoryRoot = Value() },
                "--servers" => options with { Servers = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--rows" => options with { Rows = [.. Value().Split(',').Select(ParseCount)] },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(ParseCount(Value())) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(ParseCount(Value())) },
                "--connections" => options with { Connections = (int)ParseCount(Value()) },
                "--port" => options with { FirstPort = (int)ParseCount(Value()) },
                "--results" => options with { ResultsFile = Value() },
                "--no-results" => options,
                _ => throw new ArgumentException($"Unknown option '{name}'.{Environment.NewLine}{Usage}"),
            };
            resultsDefault &= name is not "--results" and not "--no-results";
        }

        if (options.Rows.Count == 0 || options.Rows.Any(rows => rows < 1))
        {
            throw new ArgumentException("--rows needs row counts of at least 1.");
        }

        var resultsFile = resultsDefault && !smoke ? Path.Combine(options.RepositoryRoot, "test", "bench", "RESULTS.md") : options.ResultsFile;
        return options with { ResultsFile = resultsFile, CommandLine = string.Join(' ', ["test/bench/run", .. WithoutRepository(arguments)]) };
    }

    /// <summary>Returns the arguments without <c>--repo PATH</c>, which test/bench/run adds itself.</summary>
    private static IEnumerable<string> WithoutRepository(IReadOnlyList<string> arguments)
    {
        for (var index = 0; index < arguments.Count; index++)
        {
            if (arguments[index] == "--repo")
            {
                index++;
                continue;
            }

            yield return arguments[index];
        }
    }

    private static long ParseCount(string value) =>
        long.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new ArgumentException($"'{value}' is not a whole number.");
}
