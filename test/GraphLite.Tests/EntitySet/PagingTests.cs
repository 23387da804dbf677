using System.Collections.Concurrent;
using System.Net;
using GraphLite.Notifications;
using GraphLite.Storage;
using GraphLite.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.EntitySet;

public sealed class PagingTests
{
    private const string Set = Requests.SetPath;

    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private GraphLiteFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new GraphLiteFactory(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));
        _client = _factory.CreateGraphClient();
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Paging_Returns150Items_InTwoPages()
    {
        await _client.SeedManyAsync(150);

        var first = await _client.GetPageAsync(Set);
        var second = await _client.GetPageAsync(first.NextLink()!);

        first.Ids().Should().HaveCount(100);
        second.Ids().Should().HaveCount(50);
        second.NextLink().Should().BeNull();
        first.Ids().Concat(second.Ids()).Should().Equal(Enumerable.Range(0, 150).Select(index => $"n{index:D3}"));
    }

    [Test]
    public async Task NextLink_IsAbsolute_WithOtherOptions()
    {
        await _client.SeedManyAsync(5);

        var page = await _client.GetPageAsync($"{Set}?$filter=id ne 'n000'&$orderby=participantId desc&$select=participantId&$count=true&$top=2&trace=x");

        var nextLink = new Uri(page.NextLink()!);
        nextLink.GetLeftPart(UriPartial.Path).Should().Be("http://localhost/v1.0/participantLeftNotifications");
        var parameters = nextLink.Query.TrimStart('?').Split('&');
        parameters.Select(parameter => parameter.Split('=')[0]).Should()
            .Equal("$filter", "$orderby", "$select", "$count", "$top", "trace", "$skiptoken");
        parameters.Should().Contain("$filter=id%20ne%20'n000'").And.Contain("$orderby=participantId%20desc").And.Contain("$top=2");
    }

    [Test]
    public async Task NextLink_KeepsFilterAndOrder_ToLastPage()
    {
        await _client.SeedManyAsync(7);

        var ids = new List<string>();
        var pages = 0;
        for (var url = $"{Set}?$filter=id ne 'n003'&$orderby=participantId desc&$top=2&$count=true"; url is not null; pages++)
        {
            var page = await _client.GetPageAsync(url);
            page.GetProperty("@odata.count").GetInt64().Should().Be(6);
            ids.AddRange(page.Ids());
            url = page.NextLink();
        }

        pages.Should().Be(3);
        ids.Should().Equal("n006", "n005", "n004", "n002", "n001", "n000");
    }

    [Test]
    public async Task NextLink_DropsSkip_WhenContinuing()
    {
        await _client.SeedManyAsync(6);

        var first = await _client.GetPageAsync($"{Set}?$skip=2&$top=2");
        var second = await _client.GetPageAsync(first.NextLink()!);

        first.NextLink().Should().NotContain("$skip=");
        first.Ids().Should().Equal("n002", "n003");
        second.Ids().Should().Equal("n004", "n005");
    }

    [Test]
    public async Task MaxPageSize_IsHonouredAndEchoed()
    {
        await _client.SeedManyAsync(5);
        using var request = new HttpRequestMessage(HttpMethod.Get, Set);
        request.Headers.Add("Prefer", "odata.maxpagesize=2");

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Preference-Applied").Should().Be("odata.maxpagesize=2");
        (await response.ReadJsonAsync()).Ids().Should().Equal("n000", "n001");
    }

    [Test]
    public async Task MaxPageSize_IsCappedAt999()
    {
        await _client.SeedManyAsync(3);
        using var request = new HttpRequestMessage(HttpMethod.Get, Set);
        request.Headers.Add("Prefer", "odata.maxpagesize=5000");

        var response = await _client.SendAsync(request);

        response.Header("Preference-Applied").Should().Be("odata.maxpagesize=999");
        (await response.ReadJsonAsync()).Ids().Should().HaveCount(3);
    }

    [Test]
    public async Task MaxPageSize_IsKept_ByNextLink()
    {
        await _client.SeedManyAsync(5);

        var first = await _client.GetPageAsync(Set, prefer: "odata.maxpagesize=2");
        var second = await _client.GetPageAsync(first.NextLink()!);

        second.Ids().Should().Equal("n002", "n003");
    }

    [Test]
    public async Task Top_SetsPageSize_UnlessMaxIsSmaller()
    {
        await _client.SeedManyAsync(5);

        var page = await _client.GetPageAsync($"{Set}?$top=3", prefer: "odata.maxpagesize=2");

        page.Ids().Should().Equal("n000", "n001");
        page.NextLink().Should().Contain("$top=3");
    }

    [Test]
    public async Task Paging_KeepsRowsOnce_WhenRowsChange()
    {
        await _client.SeedManyAsync(6);
        var first = await _client.GetPageAsync($"{Set}?$top=3");

        await _client.SeedAsync("n000a", "inserted-before-the-cursor");
        await _client.SeedAsync("n004a", "inserted-after-the-cursor");
        (await _client.DeleteAsync($"{Set}/n001")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _client.DeleteAsync($"{Set}/n003")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var second = await _client.GetPageAsync(first.NextLink()!);
        var third = second.NextLink() is { } link ? await _client.GetPageAsync(link) : default;

        first.Ids().Should().Equal("n000", "n001", "n002");
        second.Ids().Should().Equal("n004", "n004a", "n005");
        third.ValueKind.Should().Be(System.Text.Json.JsonValueKind.Undefined, "no rows are left after n005");
    }

    [Test]
    public async Task Paging_ReadsByKey_WithoutSkip()
    {
        // A page costs the same wherever it starts: it reads the rows after the token's key and never skips.
        var listQueries = new ConcurrentQueue<string>();
        using var factory = new GraphLiteFactory(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IEntityStore<ParticipantLeftNotification>>(provider => new RecordingStore<ParticipantLeftNotification>(
                new EntityFrameworkStore<ParticipantLeftNotification>(provider.GetRequiredService<GraphLiteDbContext>()), listQueries))));
        using var client = factory.CreateGraphClient();
        await client.SeedManyAsync(9);

        var url = $"{Set}?$top=3&$orderby=participantId desc";
        var pages = new List<List<string>>();
        while (url is not null)
        {
            var page = await client.GetPageAsync(url);
            pages.Add(page.Ids());
            url = page.NextLink()!;
        }

        pages.Should().HaveCount(3);
        pages[2].Should().Equal("n002", "n001", "n000");
        var queries = listQueries.ToList();
        queries.Should().HaveCount(3);
        queries.Should().OnlyContain(query => query.Contains(".Take(4)") && !query.Contains(".Skip("));
        queries[0].Should().NotContain("Compare(");
        queries[2].Should().Contain("Compare(entity.ParticipantId").And.Contain("entity.Id");
    }

    [Test]
    public async Task SkipToken_Returns400_WhenTampered()
    {
        await _client.SeedManyAsync(3);
        var nextLink = (await _client.GetPageAsync($"{Set}?$top=1")).NextLink()!;
        var tokenStart = nextLink.IndexOf("$skiptoken=", StringComparison.Ordinal) + "$skiptoken=".Length;
        var tampered = nextLink[..tokenStart] + (nextLink[tokenStart] == 'e' ? 'f' : 'e') + nextLink[(tokenStart + 1)..];

        var response = await _client.GetAsync(tampered);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be(
            "The $skiptoken is not valid: it was not issued by this GraphLite process or has been changed. Use the @odata.nextLink of the previous page as it is, or request the first page again.");
    }

    [Test]
    public async Task SkipToken_Returns400_WhenExpired()
    {
        await _client.SeedManyAsync(3);
        var nextLink = (await _client.GetPageAsync($"{Set}?$top=1")).NextLink()!;

        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var response = await _client.GetAsync(nextLink);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be(
            "The $skiptoken has expired: it is valid for 01:00:00 after GraphLite wrote it. Request the first page again.");
    }

    [Test]
    public async Task SkipToken_IsAccepted_JustBeforeItExpires()
    {
        await _client.SeedManyAsync(3);
        var nextLink = (await _client.GetPageAsync($"{Set}?$top=1")).NextLink()!;

        _clock.Advance(TimeSpan.FromHours(1));
        var page = await _client.GetPageAsync(nextLink);

        page.Ids().Should().Equal("n001");
    }

    [Test]
    public async Task SkipToken_Returns400_WhenUsedWithAnotherOrder()
    {
        await _client.SeedManyAsync(3);
        var nextLink = (await _client.GetPageAsync($"{Set}?$top=1&$orderby=id")).NextLink()!;

        var response = await _client.GetAsync(nextLink.Replace("$orderby=id", "$orderby=participantId", StringComparison.Ordinal));

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Contain("it belongs to a request with another $filter, $search or $orderby");
    }

    [TestCase("$skiptoken=", "The $skiptoken is empty. Use the @odata.nextLink of the previous page as it is.")]
    [TestCase("$skiptoken=abc&$skip=1", "$skip and $skiptoken cannot be combined: the @odata.nextLink already continues after the skipped items.")]
    public async Task SkipToken_Returns400_ForMisuse(string query, string message)
    {
        var response = await _client.GetAsync($"{Set}?{query}");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be(message);
    }
}
