using GraphLite.Tests.EntitySet;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Storage;

/// <summary>
/// On a PostgreSQL database created with a language collation, text still sorts and compares by code point, as on
/// SQLite and the in-memory store, because every text column has the "C" collation.
/// </summary>
public sealed class PostgreSqlCollationTests
{
    private static readonly string[] s_participantIds = ["b", "B", "a", "A", "é", "É", "Z", "z", "0", "a-b", "ab"];

    private TestStore _store = null!;
    private GraphLiteFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _store = await TestStore.CreatePostgresWithIcuCollationAsync("en-US");
        _factory = new GraphLiteFactory(_store.Configure);
        _client = _factory.CreateGraphClient();
        for (var index = 0; index < s_participantIds.Length; index++)
        {
            await _client.SeedAsync($"k-{s_participantIds[index]}-{index}", s_participantIds[index]);
        }
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Test]
    public async Task OrderBy_SortsByCodePoint()
    {
        var page = await _client.GetPageAsync($"{Requests.SetPath}?$orderby=participantId&$select=participantId");

        page.GetProperty("value").EnumerateArray().Select(item => item.GetProperty("participantId").GetString())
            .Should().Equal(s_participantIds.Order(StringComparer.Ordinal));
    }

    [Test]
    public async Task OrderById_SortsByCodePoint()
    {
        var page = await _client.GetPageAsync($"{Requests.SetPath}?$orderby=id desc");

        page.Ids().Should().Equal(page.Ids().OrderDescending(StringComparer.Ordinal));
    }

    [Test]
    public async Task KeysetPaging_SeesEachRowOnce()
    {
        var ids = new List<string>();
        for (string? next = $"{Requests.SetPath}?$orderby=participantId&$top=2"; next is not null && ids.Count < 100;)
        {
            var page = await _client.GetPageAsync(next);
            ids.AddRange(page.Ids());
            next = page.NextLink();
        }

        ids.Should().HaveCount(s_participantIds.Length).And.OnlyHaveUniqueItems();
    }

    [Test]
    public async Task Filter_ComparesByCodePoint()
    {
        var page = await _client.GetPageAsync($"{Requests.SetPath}?$filter=participantId gt 'Z'&$select=participantId");

        page.GetProperty("value").EnumerateArray().Select(item => item.GetProperty("participantId").GetString())
            .Should().BeEquivalentTo(s_participantIds.Where(value => string.CompareOrdinal(value, "Z") > 0));
    }
}
