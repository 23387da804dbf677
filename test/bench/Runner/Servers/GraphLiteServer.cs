using System.Diagnostics;
using System.Globalization;

namespace GraphLite.Bench.Runner.Servers;

/// <summary>The stores GraphLite can keep its entities in.</summary>
internal enum GraphLiteStore
{
    InMemory,
    Sqlite,
    PostgreSQL,
}

/// <summary>
/// The real GraphLite executable from src/GraphLite's Release build, with one store, its rows loaded by the
/// bench loader (a startup hook that writes through GraphLite's own store) before the first measurement.
/// </summary>
internal sealed class GraphLiteServer(BenchPaths paths, GraphLiteStore store, PostgresDatabase? postgres) : ServerUnderTest
{
    private const string LoaderPrefix = "bench-loader:";

    public override string Name => $"GraphLite {store}";

    public override bool IsGraphLite => true;

    public override string? FindUnavailableReason()
    {
        if (!File.Exists(paths.GraphLiteAssembly) || !File.Exists(paths.LoaderAssembly))
        {
            return $"{paths.GraphLiteAssembly} or {paths.LoaderAssembly} is missing; build test/bench in Release.";
        }

        var providerAssembly = store switch
        {
            GraphLiteStore.Sqlite => "Microsoft.EntityFrameworkCore.Sqlite.dll",
            GraphLiteStore.PostgreSQL => "Npgsql.EntityFrameworkCore.PostgreSQL.dll",
            _ => null,
        };
        if (providerAssembly is not null && !File.Exists(Path.Combine(Path.GetDirectoryName(paths.GraphLiteAssembly)!, providerAssembly)))
        {
            return $"this GraphLite build has no {store} provider ({providerAssembly})";
        }

        if (store != GraphLiteStore.PostgreSQL)
        {
            return null;
        }

        return postgres is null ? "no PostgreSQL server" : postgres.FindUnavailableReason();
    }

    public override async Task<RunningServer> StartAsync(long rows, int port, CancellationToken cancellationToken)
    {
        var dataFolder = paths.NewWorkFolder($"graphlite-{store}-{rows}");
        var environment = await StoreEnvironmentAsync(dataFolder, cancellationToken);
        var token = await GraphLiteToken.CreateAsync(paths, environment, cancellationToken);

        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(paths.GraphLiteAssembly)! };
        foreach (var argument in new[] { paths.GraphLiteAssembly, "--urls", baseAddress.ToString().TrimEnd('/') })
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        startInfo.Environment["DOTNET_STARTUP_HOOKS"] = paths.LoaderAssembly;
        startInfo.Environment["GRAPHLITE_BENCH_ROWS"] = rows.ToString(CultureInfo.InvariantCulture);

        var process = ServerProcess.Start(startInfo, baseAddress, LoaderPrefix);
        try
        {
            var probe = GraphRequests.For(Scenario.GetByKey, rows).ProbePath(rows - 1);
            await ReadyWait.UntilReadableAsync(process, probe, token, TimeSpan.FromMinutes(15), cancellationToken);
            CheckStoreInUse(dataFolder);
            return new RunningServer(process, token);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public override ScenarioRequest? FindRequest(Scenario scenario, long rows) => GraphRequests.For(scenario, rows);

    private async Task<Dictionary<string, string>> StoreEnvironmentAsync(string dataFolder, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>
        {
            ["GraphLite__DataFolder"] = dataFolder,
            ["GraphLite__Storage__Provider"] = store.ToString(),
        };
        switch (store)
        {
            case GraphLiteStore.Sqlite:
                environment["GraphLite__Storage__ConnectionString"] = $"Data Source={Path.Combine(dataFolder, "bench.db")}";
                break;
            case GraphLiteStore.PostgreSQL:
                environment["GraphLite__Storage__ConnectionString"] = await postgres!.CreateEmptyDatabaseAsync(cancellationToken);
                break;
            default:
                break;
        }

        return environment;
    }

    /// <summary>Fails when a relational store was asked for but GraphLite wrote no database file.</summary>
    private void CheckStoreInUse(string dataFolder)
    {
        if (store == GraphLiteStore.Sqlite && !File.Exists(Path.Combine(dataFolder, "bench.db")))
        {
            throw new InvalidOperationException($"GraphLite started without creating {Path.Combine(dataFolder, "bench.db")}; the Sqlite setting was not applied.");
        }
    }
}
