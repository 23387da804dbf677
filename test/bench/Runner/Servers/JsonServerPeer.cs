using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace GraphLite.Bench.Runner.Servers;

/// <summary>
/// json-server 0.17.4 on Node.js, started as its command line starts it: a JSON file as the database, written
/// back after every change, and <c>--quiet</c> so it logs no request.
/// </summary>
internal sealed class JsonServerPeer(BenchPaths paths) : ServerUnderTest
{
    private const string SetPath = "/participantLeftNotifications";

    public override string Name => "json-server 0.17.4";

    public override string? FindUnavailableReason() =>
        File.Exists(paths.JsonServerCli) ? null : $"{paths.JsonServerCli} is missing; run npm ci in test/bench.";

    public override async Task<RunningServer> StartAsync(long rows, int port, CancellationToken cancellationToken)
    {
        var folder = paths.NewWorkFolder($"json-server-{rows}");
        var database = Path.Combine(folder, "db.json");
        await WriteDatabaseAsync(database, rows, cancellationToken);

        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var startInfo = new ProcessStartInfo("node") { WorkingDirectory = folder };
        foreach (var argument in new[] { paths.JsonServerCli, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--quiet", database })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = ServerProcess.Start(startInfo, baseAddress);
        try
        {
            await ReadyWait.UntilReadableAsync(process, SetPath + "/" + BenchRows.Key(rows - 1), token: null, TimeSpan.FromMinutes(5), cancellationToken);
            return new RunningServer(process, token: null);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public override ScenarioRequest? FindRequest(Scenario scenario, long rows) => scenario switch
    {
        Scenario.GetByKey => ScenarioRequest.GetByKey(SetPath + "/"),
        Scenario.Collection => ScenarioRequest.Get(SetPath + "?_limit=100"),
        Scenario.Filter => ScenarioRequest.Get(SetPath + "?participantId=" + BenchBodies.FilterValue(rows)),
        Scenario.Create => ScenarioRequest.Post(SetPath, BenchBodies.Create, 201),

        // json-server has no batch endpoint.
        _ => null,
    };

    /// <summary>Writes the rows as json-server's database file: one array per resource.</summary>
    private static async Task WriteDatabaseAsync(string path, long rows, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteStartArray("participantLeftNotifications");
        for (long index = 0; index < rows; index++)
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.type", "#microsoft.graph.participantLeftNotification");
            writer.WriteString("id", BenchRows.Key(index));
            writer.WriteString("participantId", BenchRows.ParticipantId(index));
            writer.WriteEndObject();
            if (writer.BytesPending > 1 << 20)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
