using System.Net;
using System.Net.Sockets;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Storage;

/// <summary>
/// A store that cannot open stops the real server process with exit code 1 and exactly one line on standard error
/// that names the setting, and no stack trace anywhere.
/// </summary>
[NonParallelizable]
public sealed class StorageStartupTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Start_PrintsOneLine_WhenProviderIsUnknown()
    {
        var result = await GraphLiteProcess.RunUntilExitAsync(s_timeout, "--GraphLite:Storage:Provider=Oracle");

        ShouldFailWithOneLine(result).Should()
            .Be("GraphLite:Storage:Provider has the invalid value 'Oracle'. Accepted values: InMemory, Sqlite, PostgreSQL.");
    }

    [Test]
    public async Task Start_ReadsProviderFromEnvironment()
    {
        var environment = new Dictionary<string, string> { ["GraphLite__Storage__Provider"] = "Mongo" };

        var result = await GraphLiteProcess.RunUntilExitAsync(s_timeout, environment);

        ShouldFailWithOneLine(result).Should()
            .Be("GraphLite:Storage:Provider has the invalid value 'Mongo'. Accepted values: InMemory, Sqlite, PostgreSQL.");
    }

    [Test]
    public async Task Start_PrintsOneLine_WhenPostgreSqlHasNoConnectionString()
    {
        var result = await GraphLiteProcess.RunUntilExitAsync(s_timeout, "--GraphLite:Storage:Provider=PostgreSQL");

        ShouldFailWithOneLine(result).Should().StartWith(
            "GraphLite:Storage:ConnectionString is missing: the PostgreSQL provider needs one, e.g. 'Host=127.0.0.1;Port=5432;");
    }

    [Test]
    public async Task Start_PrintsOneLine_WhenConnectionStringHasUnknownKeyword()
    {
        var result = await GraphLiteProcess.RunUntilExitAsync(
            s_timeout, "--GraphLite:Storage:Provider=PostgreSQL", "--GraphLite:Storage:ConnectionString=Host=127.0.0.1;Colour=blue;Password=secret-value");

        var line = ShouldFailWithOneLine(result);
        line.Should().Be("GraphLite:Storage:ConnectionString is not a valid PostgreSQL connection string: the keyword 'colour' is unknown or its value is invalid.");
        line.Should().NotContain("secret-value");
    }

    [Test]
    public async Task Start_PrintsOneLine_WhenPostgreSqlIsUnreachable()
    {
        var closedPort = ClosedPort();

        var result = await GraphLiteProcess.RunUntilExitAsync(
            s_timeout, "--GraphLite:Storage:Provider=PostgreSQL", $"--GraphLite:Storage:ConnectionString=Host=127.0.0.1;Port={closedPort};Database=graphlite;Password=secret-value");

        var line = ShouldFailWithOneLine(result);
        line.Should().StartWith($"GraphLite:Storage:ConnectionString: failed to open the PostgreSQL database graphlite on 127.0.0.1:{closedPort}: ");
        line.Should().Contain("Connection refused").And.NotContain("secret-value");
    }

    [Test]
    public async Task Start_PrintsOneLine_WhenSqliteFolderIsMissing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"graphlite-missing-{Guid.NewGuid():N}", "store.db");

        var result = await GraphLiteProcess.RunUntilExitAsync(
            s_timeout, "--GraphLite:Storage:Provider=Sqlite", $"--GraphLite:Storage:ConnectionString=Data Source={file}");

        ShouldFailWithOneLine(result).Should().Be(
            $"GraphLite:Storage:ConnectionString: failed to open the SQLite file {file}: SQLite Error 14: 'unable to open database file'. "
            + "Check that the folder exists, that GraphLite may write to it, and that the file is a SQLite database.");
    }

    [Test]
    public async Task Start_PrintsOneLine_WhenSeedFileIsMalformed()
    {
        var seed = Path.Combine(Path.GetTempPath(), $"graphlite-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seed, "[\n  {\"participantId\": \"a\"},\n  {\"participantId\": \"b\", \"colour\": \"blue\"}\n]\n");

        try
        {
            var result = await GraphLiteProcess.RunUntilExitAsync(s_timeout, $"--GraphLite:Seed:Path={seed}");

            ShouldFailWithOneLine(result).Should().Be(
                $"GraphLite:Seed:Path: {seed} line 3: The property 'colour' does not exist on type 'microsoft.graph.participantLeftNotification'. "
                + "Make sure to only use property names that are defined by the type or mark the type as open type.");
        }
        finally
        {
            File.Delete(seed);
        }
    }

    private static string ShouldFailWithOneLine(CommandResult result)
    {
        result.ExitCode.Should().Be(1, "standard error was: {0}", result.StandardError);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle("start-up failures print one line, but standard error was: {0}", result.StandardError);
        var output = result.StandardOutput + result.StandardError;
        output.Should().NotContain("   at ").And.NotContain("Exception");
        return lines[0].TrimEnd('\r');
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
