using System.Net;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.EntitySet;

public sealed class QueryTests
{
    private const string Set = Requests.SetPath;

    private GraphLiteFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _factory = new GraphLiteFactory();
        _client = _factory.CreateGraphClient();
        await _client.SeedAsync("a1", "alice-1");
        await _client.SeedAsync("b2", "bob-2");
        await _client.SeedAsync("c3", "carol-3");
        await _client.SeedAsync("d4", "Dave-4");
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [TestCase("participantId eq 'bob-2'", new[] { "b2" })]
    [TestCase("participantId ne 'bob-2'", new[] { "a1", "c3", "d4" })]
    [TestCase("participantId gt 'bob-2'", new[] { "c3" })]
    [TestCase("participantId ge 'bob-2'", new[] { "b2", "c3" })]
    [TestCase("participantId lt 'bob-2'", new[] { "a1", "d4" })]
    [TestCase("participantId le 'bob-2'", new[] { "a1", "b2", "d4" })]
    [TestCase("id eq 'a1' or id eq 'c3'", new[] { "a1", "c3" })]
    [TestCase("startswith(participantId, 'c') and endswith(participantId, '3')", new[] { "c3" })]
    [TestCase("not startswith(participantId, 'a')", new[] { "b2", "c3", "d4" })]
    [TestCase("contains(participantId, 'o')", new[] { "b2", "c3" })]
    [TestCase("endswith(participantId, '-4')", new[] { "d4" })]
    [TestCase("participantId in ('alice-1', 'Dave-4', 'nobody')", new[] { "a1", "d4" })]
    [TestCase("(id eq 'a1' or id eq 'b2') and not (participantId eq 'bob-2')", new[] { "a1" })]
    public async Task Filter_ReturnsMatchingItems(string filter, string[] expectedIds)
    {
        var response = await _client.GetAsync($"{Set}?$filter={Uri.EscapeDataString(filter)}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Content-Type").Should().Be(GraphAssertions.ODataJsonContentType);
        var body = await response.ReadJsonAsync();
        body.PropertyNames().Should().Equal("@odata.context", "value");
        body.GetProperty("@odata.context").GetString().Should().Be("http://localhost/v1.0/$metadata#participantLeftNotifications");
        body.Ids().Should().Equal(expectedIds);
    }

    [Test]
    public async Task List_WritesTypeAndEtag_OnEveryItem()
    {
        var body = await _client.GetPageAsync($"{Set}?$filter=id eq 'b2'");

        var item = body.GetProperty("value")[0];
        item.PropertyNames().Should().Equal("@odata.type", "@odata.etag", "id", "participantId");
        item.GetProperty("@odata.type").GetString().Should().Be(EntitySetRequests.NotificationType);
        item.GetProperty("@odata.etag").GetString().Should().Be("W/\"1\"");
        item.GetProperty("id").GetString().Should().Be("b2");
        item.GetProperty("participantId").GetString().Should().Be("bob-2");
    }

    [Test]
    public async Task Select_WritesOnlySelectedProperty()
    {
        var response = await _client.GetAsync($"{Set}?$select=participantId&$filter=id eq 'a1'");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.GetProperty("@odata.context").GetString().Should()
            .Be("http://localhost/v1.0/$metadata#participantLeftNotifications(participantId)");
        var item = body.GetProperty("value")[0];
        item.PropertyNames().Should().Equal("@odata.type", "@odata.etag", "participantId");
        item.GetProperty("@odata.type").GetString().Should().Be(EntitySetRequests.NotificationType);
        item.GetProperty("@odata.etag").GetString().Should().Be("W/\"1\"");
        item.GetProperty("participantId").GetString().Should().Be("alice-1");
    }

    [Test]
    public async Task Select_OnEntity_WritesSelectContext()
    {
        var response = await _client.GetAsync($"{Set}/c3?$select=participantId");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("ETag").Should().Be("W/\"1\"");
        var body = await response.ReadJsonAsync();
        body.PropertyNames().Should().Equal("@odata.context", "@odata.type", "@odata.etag", "participantId");
        body.GetProperty("@odata.context").GetString().Should()
            .Be("http://localhost/v1.0/$metadata#participantLeftNotifications(participantId)/$entity");
        body.GetProperty("participantId").GetString().Should().Be("carol-3");
    }

    [TestCase("participantId", new[] { "d4", "a1", "b2", "c3" })]
    [TestCase("participantId asc", new[] { "d4", "a1", "b2", "c3" })]
    [TestCase("participantId desc", new[] { "c3", "b2", "a1", "d4" })]
    [TestCase("id desc", new[] { "d4", "c3", "b2", "a1" })]
    public async Task OrderBy_SortsByKey(string orderBy, string[] expectedIds)
    {
        var body = await _client.GetPageAsync($"{Set}?$orderby={Uri.EscapeDataString(orderBy)}");

        body.Ids().Should().Equal(expectedIds);
    }

    [Test]
    public async Task OrderBy_SortsBySeveralKeys()
    {
        await _client.SeedAsync("e5", "bob-2");
        await _client.SeedAsync("a0", "bob-2");

        var body = await _client.GetPageAsync($"{Set}?$orderby=participantId desc,id desc&$filter=participantId eq 'bob-2' or id eq 'c3'");

        body.Ids().Should().Equal("c3", "e5", "b2", "a0");
    }

    [Test]
    public async Task TopAndSkip_ReturnTheRequestedSlice()
    {
        var body = await _client.GetPageAsync($"{Set}?$orderby=id&$skip=1&$top=2");

        body.Ids().Should().Equal("b2", "c3");
        body.NextLink().Should().NotBeNull("one more item follows the slice");
    }

    [Test]
    public async Task Count_IgnoresTopAndSkip()
    {
        var response = await _client.GetAsync($"{Set}?$count=true&$filter=id ne 'a1'&$top=1&$skip=1&$orderby=id");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.PropertyNames().Should().Equal("@odata.context", "@odata.count", "value", "@odata.nextLink");
        body.GetProperty("@odata.count").GetInt64().Should().Be(3);
        body.Ids().Should().Equal("c3");
    }

    [Test]
    public async Task Count_IsLeftOut_WhenFalse()
    {
        var body = await _client.GetPageAsync($"{Set}?$count=false");

        body.PropertyNames().Should().Equal("@odata.context", "value");
    }

    [Test]
    public async Task CountSegment_ReturnsPlainText_WhenFiltered()
    {
        var response = await _client.GetAsync($"{Set}/$count?$filter=startswith(participantId,'c') or id eq 'a1'&$top=1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Content-Type").Should().Be("text/plain; charset=utf-8");
        (await response.Content.ReadAsStringAsync()).Should().Be("2");
    }

    [Test]
    public async Task CountSegment_Returns400GraphError_ForBadFilter()
    {
        var response = await _client.GetAsync($"{Set}/$count?$filter=nope eq 1");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Contain("Could not find a property named 'nope'");
    }

    [TestCase("\"bob\"", new[] { "b2" })]
    [TestCase("\"DAVE\"", new[] { "d4" })]
    [TestCase("\"-3\"", new[] { "c3" })]
    [TestCase("alice OR carol", new[] { "a1", "c3" })]
    [TestCase("o NOT bob", new[] { "c3" })]
    [TestCase("\"ar\" \"-3\"", new[] { "c3" })]
    [TestCase("\"participantId:ali\"", new[] { "a1" })]
    [TestCase("nobody", new string[0])]
    public async Task Search_MatchesParticipantIdIgnoringCase(string search, string[] expectedIds)
    {
        var body = await _client.GetPageAsync($"{Set}?$search={Uri.EscapeDataString(search)}");

        body.Ids().Should().Equal(expectedIds);
    }

    [Test]
    public async Task Search_CombinesWithFilterAndCount()
    {
        var body = await _client.GetPageAsync($"{Set}?$search=\"o\"&$filter=id ne 'b2'&$count=true");

        body.GetProperty("@odata.count").GetInt64().Should().Be(1);
        body.Ids().Should().Equal("c3");
    }

    [Test]
    public async Task Search_Returns400_WhenTermNeedsQuotes()
    {
        var response = await _client.GetAsync($"{Set}?$search=bob-2");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Contain("character '-' is not valid").And.Contain("Unquoted $search terms may hold letters only; put other terms in double quotes");
    }

    [TestCase("$filter")]
    [TestCase("filter")]
    [TestCase("$FILTER")]
    [TestCase("Filter")]
    [TestCase("%24filter")]
    public async Task OptionName_Works_InAnySpelling(string name)
    {
        var body = await _client.GetPageAsync($"{Set}?{name}=id eq 'c3'");

        body.Ids().Should().Equal("c3");
    }

    [Test]
    public async Task OptionNames_WorkWithoutDollar()
    {
        var body = await _client.GetPageAsync($"{Set}?SELECT=id&orderBy=id desc&TOP=1&skip=1&Count=true&search=\"-\"");

        body.GetProperty("@odata.context").GetString().Should().EndWith("#participantLeftNotifications(id)");
        body.GetProperty("@odata.count").GetInt64().Should().Be(4);
        body.Ids().Should().Equal("c3");
        body.NextLink().Should().Contain("$select=id").And.Contain("$orderby=id%20desc").And.Contain("$top=1").And.NotContain("skip=1");
    }

    [Test]
    public async Task OptionName_Returns400_WhenRepeated()
    {
        var response = await _client.GetAsync($"{Set}?$filter=id eq 'a1'&filter=id eq 'b2'");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be(
            "The query option '$filter' is given more than once. Send each query option once, with or without '$' and in any case.");
    }

    [Test]
    public async Task CustomQueryParameters_AreIgnored()
    {
        var body = await _client.GetPageAsync($"{Set}?trace=abc&$filter=id eq 'a1'");

        body.Ids().Should().Equal("a1");
    }
}
