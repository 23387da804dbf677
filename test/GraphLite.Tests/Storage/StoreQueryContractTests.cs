using System.Net;
using GraphLite.Tests.EntitySet;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Storage;

/// <summary>
/// Queries return the same results on every store: server-driven paging, <c>$orderby</c> on strings, <c>$search</c>,
/// <c>$count</c>, the <c>$filter</c> functions whose SQL and .NET versions differ at the edges, and a 400 rather
/// than a 500 for a query the store cannot run.
/// </summary>
[TestFixtureSource(typeof(StoreKinds), nameof(StoreKinds.All))]
public sealed class StoreQueryContractTests(StoreKind kind) : StoreFixture(kind)
{
    /// <summary>Upper and lower case, digits, punctuation, accents and a character above U+FFFF.</summary>
    private static readonly string[] s_participantIds = ["b", "B", "a", "A", "é", "É", "Z", "z", "0", "~", "a-", "a0", "b", "😀", "ÿ"];

    [Test]
    public async Task Paging_ReturnsEveryRowOnce_InTwoPages()
    {
        await Client.SeedManyAsync(150, prefix: "row-");

        var first = await Client.GetPageAsync(Requests.SetPath);
        var nextLink = first.NextLink();
        nextLink.Should().NotBeNull("150 rows do not fit the default page of 100");
        var second = await Client.GetPageAsync(nextLink!);

        first.Ids().Should().HaveCount(100);
        second.Ids().Should().HaveCount(50);
        second.NextLink().Should().BeNull();
        first.Ids().Concat(second.Ids()).Should().Equal(Enumerable.Range(0, 150).Select(index => $"row-{index:D3}"));
    }

    [Test]
    public async Task Paging_FollowsOrderByParticipantId_AcrossPages()
    {
        await SeedParticipantIdsAsync();
        var expected = Expected().OrderByDescending(row => row.ParticipantId, StringComparer.Ordinal).ThenBy(row => row.Id, StringComparer.Ordinal)
            .Select(row => row.Id).ToList();

        var ids = await ReadAllPagesAsync($"{Requests.SetPath}?$orderby=participantId desc&$top=4");

        ids.Should().Equal(expected);
    }

    [Test]
    public async Task OrderBy_SortsParticipantIdByCodePoint()
    {
        await SeedParticipantIdsAsync();

        var page = await Client.GetPageAsync($"{Requests.SetPath}?$orderby=participantId,id&$select=participantId,id");

        page.GetProperty("value").EnumerateArray().Select(item => item.GetProperty("participantId").GetString())
            .Should().Equal(s_participantIds.Order(StringComparer.Ordinal));
    }

    [TestCase("ALPHA", new[] { "s1", "s2" })]
    [TestCase("\"d_%\"", new[] { "s4" })]
    [TestCase("\"participantId:beta\"", new[] { "s3" })]
    [TestCase("alpha NOT two", new[] { "s1" })]
    [TestCase("\"%\"", new[] { "s4" })]
    public async Task Search_MatchesParticipantIdIgnoringAsciiCase(string search, string[] expectedIds)
    {
        await Client.SeedAsync("s1", "alpha-one");
        await Client.SeedAsync("s2", "Alpha-TWO");
        await Client.SeedAsync("s3", "beta");
        await Client.SeedAsync("s4", "d_%x");

        var page = await Client.GetPageAsync($"{Requests.SetPath}?$search={Uri.EscapeDataString(search)}");

        page.Ids().Should().Equal(expectedIds);
    }

    [Test]
    public async Task Count_CountsFilteredRows_OnEveryPage()
    {
        await Client.SeedManyAsync(12, prefix: "c");

        var first = await Client.GetPageAsync($"{Requests.SetPath}?$filter=startswith(participantId,'participant-00')&$count=true&$top=4");
        var second = await Client.GetPageAsync(first.NextLink()!);
        var segment = await Client.GetAsync($"{Requests.SetPath}/$count?$filter=startswith(participantId,'participant-00')");

        first.GetProperty("@odata.count").GetInt64().Should().Be(10);
        second.GetProperty("@odata.count").GetInt64().Should().Be(10);
        segment.StatusCode.Should().Be(HttpStatusCode.OK);
        segment.Header("Content-Type").Should().StartWith("text/plain");
        (await segment.Content.ReadAsStringAsync()).Should().Be("10");
    }

    [TestCase("substring(participantId,1) eq 'eta'", new[] { "f2" })]
    [TestCase("substring(participantId,1,100) eq 'eta'", new[] { "f2" })]
    [TestCase("substring(participantId,5) eq ''", new[] { "f1", "f2", "f3" })]
    [TestCase("indexof(participantId,'zz') eq -1", new[] { "f1", "f2", "f3" })]
    [TestCase("length(participantId) eq 4", new[] { "f2", "f3" })]
    [TestCase("tolower(participantId) eq 'alpha'", new[] { "f1" })]
    [TestCase("contains(participantId,'_')", new[] { "f3" })]
    [TestCase("concat(id,participantId) eq 'f2beta'", new[] { "f2" })]
    [TestCase("length(participantId) div 2 eq 2", new[] { "f1", "f2", "f3" })]
    public async Task Filter_Functions_MatchSameRows(string filter, string[] expectedIds)
    {
        await Client.SeedAsync("f1", "Alpha");
        await Client.SeedAsync("f2", "beta");
        await Client.SeedAsync("f3", "d_%x");

        var page = await Client.GetPageAsync($"{Requests.SetPath}?$filter={Uri.EscapeDataString(filter)}");

        page.Ids().Should().Equal(expectedIds);
    }

    [TestCase("matchesPattern(participantId,'^b')", "The function matchesPattern is not supported. Use contains, startswith or endswith.")]
    [TestCase("isof(participantId,Edm.String)", "The function isof is not supported, because every entity set of GraphLite contains a single type.")]
    [TestCase("substring(participantId,-1) eq 'x'", "The start and length of substring must not be negative.")]
    [TestCase("length(participantId) mod 0 eq 1", "The $filter divides by zero.")]
    public async Task Filter_Returns400_WhenStoresWouldDiffer(string filter, string message)
    {
        await Client.SeedAsync("f1", "Alpha");

        var response = await Client.GetAsync($"{Requests.SetPath}?$filter={Uri.EscapeDataString(filter)}");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be($"The query specified in the URI is not valid. {message}");
    }

    [Test]
    public async Task Filter_Returns400OrNoMatch_WhenComputedDivisorIsZero()
    {
        await Client.SeedAsync("f1", "Alpha");

        var response = await Client.GetAsync($"{Requests.SetPath}?$filter={Uri.EscapeDataString("length(participantId) div (length(id) sub 2) eq 1")}");

        // A documented difference: SQLite's division by zero returns null, which matches nothing.
        if (Kind == StoreKind.Sqlite)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.ReadJsonAsync()).Ids().Should().BeEmpty();
            return;
        }

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be("The query specified in the URI is not valid. GraphLite could not run it: division by zero.");
    }

    private async Task SeedParticipantIdsAsync()
    {
        foreach (var (id, participantId) in Expected())
        {
            await Client.SeedAsync(id, participantId);
        }
    }

    private static IEnumerable<(string Id, string ParticipantId)> Expected() =>
        s_participantIds.Select((participantId, index) => ($"p{index:D2}", participantId));

    private async Task<List<string>> ReadAllPagesAsync(string url)
    {
        var ids = new List<string>();
        for (string? next = url; next is not null;)
        {
            var page = await Client.GetPageAsync(next);
            ids.AddRange(page.Ids());
            next = page.NextLink();
            ids.Count.Should().BeLessThan(1_000, "paging must end");
        }

        return ids;
    }
}
