using System.Net;
using System.Security.Cryptography;
using GraphLite.Tests.EntitySet;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Storage;

/// <summary>
/// Two real GraphLite processes on one PostgreSQL database behave as one service: each sees the other's creates,
/// paging through one while the other writes sees each entity at most once, and a race for one id or for one
/// version has one winner.
/// </summary>
[NonParallelizable]
[Category("Durability")]
public sealed class TwoInstanceTests
{
    private TestStore _store = null!;
    private GraphLiteProcess _first = null!;
    private GraphLiteProcess _second = null!;
    private HttpClient _firstClient = null!;
    private HttpClient _secondClient = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _store = TestStore.Create(StoreKind.PostgreSQL);

        // Both start on an empty database at once, so both try to apply the migrations. They share the key that signs
        // $skiptoken, as instances behind one address must.
        string[] arguments = [.. _store.Arguments, $"--GraphLite:Paging:SkipTokenKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}"];
        var servers = await Task.WhenAll(GraphLiteProcess.StartAsync(arguments), GraphLiteProcess.StartAsync(arguments));
        (_first, _second) = (servers[0], servers[1]);
        _firstClient = _first.CreateGraphClient();
        _secondClient = _second.CreateGraphClient();
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        _firstClient?.Dispose();
        _secondClient?.Dispose();
        foreach (var server in new[] { _first, _second }.Where(server => server is not null))
        {
            await server.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Test]
    public async Task Creates_AreVisibleToBoth()
    {
        const int PerInstance = 25;
        var firstIds = Enumerable.Range(0, PerInstance).Select(index => $"first-{index}").ToList();
        var secondIds = Enumerable.Range(0, PerInstance).Select(index => $"second-{index}").ToList();

        var creates = await Task.WhenAll(
            firstIds.Select(id => _firstClient.CreateAsync(Requests.Notification("from-first", id)))
                .Concat(secondIds.Select(id => _secondClient.CreateAsync(Requests.Notification("from-second", id)))));

        creates.Should().OnlyContain(response => response.StatusCode == HttpStatusCode.Created);
        var reads = 0;
        foreach (var id in firstIds.Concat(secondIds))
        {
            foreach (var client in new[] { _firstClient, _secondClient })
            {
                var response = await client.GetAsync($"{Requests.SetPath}/{id}");
                response.StatusCode.Should().Be(HttpStatusCode.OK, "'{0}' must be visible from {1}", id, client.BaseAddress);
                reads++;
            }
        }

        foreach (var client in new[] { _firstClient, _secondClient })
        {
            var list = await (await client.GetAsync($"{Requests.SetPath}?$count=true&$top=1")).ReadJsonAsync();
            list.GetProperty("@odata.count").GetInt32().Should().Be(2 * PerInstance);
        }

        await TestContext.Out.WriteLineAsync($"Two instances: {creates.Length} creates, {reads} reads by key across instances, all found.");
    }

    [Test]
    public async Task Paging_SeesEachEntityOnce_WhileOtherInstanceWrites()
    {
        var existing = Enumerable.Range(0, 100).Select(index => $"page-{index:D3}").ToList();
        foreach (var id in existing)
        {
            (await _firstClient.CreateAsync(Requests.Notification("existing", id))).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        (await _secondClient.CreateAsync(Requests.Notification("warm-up", "warm-up"))).StatusCode.Should().Be(HttpStatusCode.Created);
        using var stopWriting = new CancellationTokenSource();
        var writer = WriteBetweenPagesAsync(stopWriting.Token);
        var seen = new List<string>();
        var pages = 0;
        for (string? next = $"{Requests.SetPath}?$top=10"; next is not null && pages < 1_000; pages++)
        {
            var page = await _firstClient.GetPageAsync(next);
            seen.AddRange(page.Ids());
            next = page.NextLink();
            await Task.Delay(100);
        }

        await stopWriting.CancelAsync();
        var written = await writer;

        await TestContext.Out.WriteLineAsync(
            $"Two instances: {pages} pages read from the first through @odata.nextLink while the second wrote {written} entities; "
            + $"{seen.Count} rows seen, {seen.Count - seen.Distinct().Count()} seen twice.");
        seen.Should().OnlyHaveUniqueItems();
        seen.Should().Contain(existing);
        seen.Should().BeInAscendingOrder(StringComparer.Ordinal);
        written.Should().BeGreaterThan(10, "the second instance must write while the first pages");
    }

    [Test]
    public async Task NextLink_ContinuesAcrossInstances()
    {
        var ids = Enumerable.Range(0, 30).Select(index => $"shared-{index:D2}").ToList();
        foreach (var id in ids)
        {
            await _secondClient.SeedAsync(id, "shared");
        }

        var seen = new List<string>();
        var pages = 0;
        for (string? next = $"{Requests.SetPath}?$top=7"; next is not null && pages < 100; pages++)
        {
            var page = await (pages % 2 == 0 ? _firstClient : _secondClient).GetPageAsync(next);
            seen.AddRange(page.Ids());
            next = page.NextLink();
        }

        pages.Should().Be(5);
        seen.Should().Equal(ids);
    }

    [Test]
    public async Task IfMatchRace_AcrossInstances_HasOneWinner()
    {
        const int Rounds = 10;
        const int RacersPerInstance = 4;
        var winners = new List<int>();
        var losers = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var url = $"{Requests.SetPath}/raced-{round}";
            var etag = await _firstClient.SeedAsync($"raced-{round}", "original");

            // The second instance serves the same version, so every racer's If-Match passes the precondition check and
            // only the save in PostgreSQL can tell the winner.
            (await _secondClient.GetAsync(url)).Header("ETag").Should().Be(etag);
            var responses = await Task.WhenAll(Enumerable.Range(0, 2 * RacersPerInstance).Select(index =>
                (index % 2 == 0 ? _firstClient : _secondClient).SendJsonAsync(
                    HttpMethod.Patch, url, $$"""{"participantId":"racer-{{index}}"}""", ("If-Match", etag))));

            winners.Add(responses.Count(response => response.StatusCode == HttpStatusCode.NoContent));
            foreach (var loser in responses.Where(response => response.StatusCode != HttpStatusCode.NoContent))
            {
                await loser.ShouldBeGraphErrorAsync(HttpStatusCode.PreconditionFailed, "resourceModified");
                losers++;
            }

            var stored = await (await _secondClient.GetAsync(url)).ReadJsonAsync();
            stored.GetProperty("@odata.etag").GetString().Should().Be("W/\"2\"");
        }

        await TestContext.Out.WriteLineAsync(
            $"Two instances: {Rounds} rounds of {2 * RacersPerInstance} PATCHes with one If-Match split over both; "
            + $"winners per round: {string.Join(",", winners)}; {losers} answered 412.");
        winners.Should().AllBeEquivalentTo(1);
        losers.Should().Be(Rounds * ((2 * RacersPerInstance) - 1));
    }

    [Test]
    public async Task SameIdRace_AcrossInstances_HasOneWinner()
    {
        const int Rounds = 10;
        var winners = new List<int>();
        for (var round = 0; round < Rounds; round++)
        {
            var id = $"contested-{round}";
            var responses = await Task.WhenAll(Enumerable.Range(0, 8)
                .Select(index => (index % 2 == 0 ? _firstClient : _secondClient).CreateAsync(Requests.Notification($"racer-{index}", id))));

            winners.Add(responses.Count(response => response.StatusCode == HttpStatusCode.Created));
            foreach (var loser in responses.Where(response => response.StatusCode != HttpStatusCode.Created))
            {
                await loser.ShouldBeGraphErrorAsync(HttpStatusCode.Conflict, "conflictingObjects");
            }
        }

        await TestContext.Out.WriteLineAsync($"Two instances: {Rounds} rounds of 8 creates of one id split over both; winners per round: {string.Join(",", winners)}.");
        winners.Should().AllBeEquivalentTo(1);
        (await _store.ReadNotificationRowsAsync()).Should().HaveCount(Rounds);
    }

    /// <summary>Creates entities whose ids sort between the existing ones until cancelled; returns how many.</summary>
    private async Task<int> WriteBetweenPagesAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        for (var index = 0; index < 1_000 && !cancellationToken.IsCancellationRequested; index++)
        {
            var id = $"page-{index % 100:D3}-inserted-{index}";
            var response = await _secondClient.CreateAsync(Requests.Notification("inserted", id));
            response.StatusCode.Should().Be(HttpStatusCode.Created);
            written++;
        }

        return written;
    }
}
