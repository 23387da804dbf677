using System.Collections.Concurrent;
using System.Net;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Storage;

/// <summary>
/// A create acknowledged with 201 is on disk: the real server is killed with SIGKILL while clients write, 20 times
/// in a row, and after a restart every acknowledged entity is there, once and whole.
/// </summary>
[TestFixtureSource(typeof(StoreKinds), nameof(StoreKinds.Durable))]
[NonParallelizable]
[Category("Durability")]
public sealed class CrashDurabilityTests(StoreKind kind)
{
    private const int Kills = 20;
    private const int Writers = 4;

    private TestStore _store = null!;

    [SetUp]
    public void SetUp() => _store = TestStore.Create(kind);

    [TearDown]
    public async Task TearDownAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Test]
    public async Task Kill_KeepsEveryAcknowledgedCreate()
    {
        var acknowledged = new ConcurrentDictionary<string, string>();
        var sent = 0;
        var random = new Random(20);
        for (var cycle = 0; cycle < Kills; cycle++)
        {
            await using var server = await GraphLiteProcess.StartAsync(_store.Arguments);
            using var client = server.CreateGraphClient();
            client.Timeout = TimeSpan.FromSeconds(10);

            // The first create of a process compiles the request path, which takes longer than the kill window.
            var warmUpId = $"c{cycle}-warm-up";
            (await client.CreateAsync(Requests.Notification(ParticipantIdFor(warmUpId), warmUpId))).StatusCode.Should().Be(HttpStatusCode.Created);
            acknowledged[warmUpId] = ParticipantIdFor(warmUpId);
            Interlocked.Increment(ref sent);

            var writers = Enumerable.Range(0, Writers)
                .Select(writer => WriteUntilKilledAsync(client, $"c{cycle}-w{writer}", acknowledged, () => Interlocked.Increment(ref sent)))
                .ToList();

            await Task.Delay(random.Next(200, 700));
            await server.KillAsync();
            await Task.WhenAll(writers);
        }

        await using var restarted = await GraphLiteProcess.StartAsync(_store.Arguments);
        using var reader = restarted.CreateGraphClient();
        var missing = new List<string>();
        foreach (var (id, participantId) in acknowledged)
        {
            var response = await reader.GetAsync($"{Requests.SetPath}/{Uri.EscapeDataString(id)}");
            if (response.StatusCode != HttpStatusCode.OK
                || (await response.ReadJsonAsync()).GetProperty("participantId").GetString() != participantId)
            {
                missing.Add(id);
            }
        }

        var rows = await _store.ReadNotificationRowsAsync();
        var torn = rows.Where(row => row.ParticipantId != ParticipantIdFor(row.Id)).Select(row => row.Id).ToList();
        var duplicates = rows.GroupBy(row => row.Id).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        var integrity = kind == StoreKind.Sqlite ? await _store.CheckSqliteIntegrityAsync() : "not applicable";
        await TestContext.Out.WriteLineAsync(
            $"{kind}: {Kills} SIGKILLs, {sent} creates sent, {acknowledged.Count} acknowledged with 201, {rows.Count} rows after restart "
            + $"({rows.Count - acknowledged.Count} committed but unacknowledged), {missing.Count} acknowledged missing, "
            + $"{duplicates.Count} duplicate ids, {torn.Count} torn rows, integrity_check: {integrity}");

        acknowledged.Count.Should().BeGreaterThan(Kills, "the writers must have written between the kills");
        missing.Should().BeEmpty();
        duplicates.Should().BeEmpty();
        torn.Should().BeEmpty();
        rows.Count.Should().BeGreaterThanOrEqualTo(acknowledged.Count).And.BeLessThanOrEqualTo(sent);
        if (kind == StoreKind.Sqlite)
        {
            integrity.Should().Be("ok");
        }
    }

    /// <summary>A value long enough to span several pages' worth of writes, derived from the id so a torn row shows.</summary>
    private static string ParticipantIdFor(string id) => $"{id}:" + string.Concat(Enumerable.Repeat(id, 40));

    private static async Task WriteUntilKilledAsync(HttpClient client, string prefix, ConcurrentDictionary<string, string> acknowledged, Action countSent)
    {
        for (var index = 0; index < 100_000; index++)
        {
            var id = $"{prefix}-{index}";
            var participantId = ParticipantIdFor(id);
            countSent();
            try
            {
                using var response = await client.CreateAsync(Requests.Notification(participantId, id));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged[id] = participantId;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // The server is gone: this create may or may not have been committed.
                return;
            }
        }
    }
}
