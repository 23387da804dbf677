using System.Net;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.EntitySet;

public sealed class LimitsTests
{
    private const string Set = Requests.SetPath;
    private const string TargetPrefix = "/v1.0/participantLeftNotifications?$filter=participantId%20eq%20'";

    /// <summary>The default of GraphLite:Limits:MaxUrlLength.</summary>
    private const int MaxUrlLength = 8192;

    private GraphLiteFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _factory = new GraphLiteFactory();
        _client = _factory.CreateGraphClient();
        await _client.SeedAsync("l1", "limit");
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [TestCase("$top=0", "The value of $top must be an integer from 1 to 999, the maximum page size; the request has '0'.")]
    [TestCase("$top=1000", "The value of $top must be an integer from 1 to 999, the maximum page size; the request has '1000'.")]
    [TestCase("$top=", "The value of $top must be an integer from 1 to 999, the maximum page size; the request has ''.")]
    [TestCase("$top=-5", "The value of $top must be an integer from 1 to 999, the maximum page size; the request has '-5'.")]
    [TestCase("$top=2.5", "The value of $top must be an integer from 1 to 999, the maximum page size; the request has '2.5'.")]
    [TestCase("top=99999999999", "The value of $top must be an integer from 1 to 999, the maximum page size; the request has '99999999999'.")]
    [TestCase("$skip=-1", "The value of $skip must be an integer from 0 to 2147483647; the request has '-1'.")]
    [TestCase("$skip=", "The value of $skip must be an integer from 0 to 2147483647; the request has ''.")]
    [TestCase("$skip=ten", "The value of $skip must be an integer from 0 to 2147483647; the request has 'ten'.")]
    [TestCase("$apply=aggregate(id with countdistinct as total)", "The query option '$apply' is not supported. The supported query options are $count, $expand, $filter, $format, $orderby, $search, $select, $skip, $skiptoken, $top.")]
    [TestCase("$compute=length(id) as l", "The query option '$compute' is not supported. The supported query options are $count, $expand, $filter, $format, $orderby, $search, $select, $skip, $skiptoken, $top.")]
    [TestCase("$frobnicate=1", "The query option '$frobnicate' is not supported. The supported query options are $count, $expand, $filter, $format, $orderby, $search, $select, $skip, $skiptoken, $top.")]
    [TestCase("$orderby=tolower(participantId)", "$orderby sorts only by primitive properties of the entity, e.g. '$orderby=participantId desc,id'; functions and expressions are not supported.")]
    [TestCase("$orderby=id,participantId,id desc,participantId desc,id,participantId", "The $orderby has 6 sort keys; the maximum is 5.")]
    public async Task Collection_Returns400NamingTheLimit(string query, string message)
    {
        var response = await _client.GetAsync($"{Set}?{query}");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be(message);
    }

    [Test]
    public async Task Filter_Returns400_WhenItHasTooManyNodes()
    {
        var filter = string.Join(" or ", Enumerable.Range(0, 40).Select(index => $"participantId eq 'p{index}'"));

        var response = await _client.GetAsync($"{Set}?$filter={Uri.EscapeDataString(filter)}");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be(
            "The $filter has 159 nodes (operators, functions, properties and values); the maximum is 100. Split the query into smaller ones.");
    }

    [Test]
    public async Task Filter_Returns400_WhenInListIsLong()
    {
        var filter = $"id in ({string.Join(',', Enumerable.Range(0, 120).Select(index => $"'i{index}'"))})";

        var response = await _client.GetAsync($"{Set}?$filter={Uri.EscapeDataString(filter)}");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().StartWith("The $filter has 123 nodes");
    }

    [Test]
    public async Task Filter_Returns400_WhenNestedTooDeeply()
    {
        var filter = string.Concat(Enumerable.Repeat("not(", 25)) + "participantId eq 'x'" + new string(')', 25);

        var response = await _client.GetAsync($"{Set}?$filter={Uri.EscapeDataString(filter)}");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be("The $filter is nested 27 levels deep; the maximum nesting depth is 20.");
    }

    [Test]
    public async Task Filter_IsAccepted_JustUnderTheLimits()
    {
        var filter = string.Join(" or ", Enumerable.Range(0, 9).Select(index => $"participantId eq 'p{index}'")) + " or id eq 'l1'";

        var body = await _client.GetPageAsync($"{Set}?$filter={Uri.EscapeDataString(filter)}");

        body.Ids().Should().Equal("l1");
    }

    [Test]
    public async Task Search_Returns400_WhenItHasTooManyNodes()
    {
        var search = string.Join(' ', Enumerable.Range(0, 60).Select(index => $"term{(char)('a' + (index % 26))}"));

        var response = await _client.GetAsync($"{Set}?$search={Uri.EscapeDataString(search)}");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().StartWith("The $search has 119 nodes");
    }

    [Test]
    public async Task Url_Returns414_WhenLongerThanTheMaximum()
    {
        var target = TargetPrefix + new string('a', MaxUrlLength - TargetPrefix.Length) + "'";

        var response = await _client.GetAsync(target);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.RequestUriTooLong, "RequestUriTooLong");
        error.GetProperty("message").GetString().Should().Be(
            "The request URL has 8193 characters; the limit is 8192. Send long queries in a $batch request body.");
    }

    [Test]
    public async Task Url_IsAccepted_AtTheMaximum()
    {
        var target = TargetPrefix + new string('a', MaxUrlLength - 1 - TargetPrefix.Length) + "'";

        var response = await _client.GetAsync(target);

        target.Length.Should().Be(MaxUrlLength);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Url_DoesNotCountTheSkipToken()
    {
        await _client.SeedAsync("l2", "limit");
        var longId = new string('b', MaxUrlLength - 150);
        var first = await _client.GetPageAsync($"{Set}?$top=1&$filter=id ne '{longId}'");

        var response = await _client.GetAsync(first.NextLink());

        new Uri(first.NextLink()!).PathAndQuery.Length.Should().BeGreaterThan(MaxUrlLength);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static IEnumerable<TestCaseData> BadQueries()
    {
        yield return Bad("$filter=foo eq 'x'", "Could not find a property named 'foo' on type 'microsoft.graph.participantLeftNotification'.");
        yield return Bad("$orderby=foo", "Could not find a property named 'foo' on type 'microsoft.graph.participantLeftNotification'.");
        yield return Bad("$select=foo", "Could not find a property named 'foo' on type 'microsoft.graph.participantLeftNotification'.");
        yield return Bad("$expand=foo", "Could not find a property named 'foo' on type 'microsoft.graph.participantLeftNotification'.");
        yield return Bad("$filter=participantId eq", "Expression expected at position 16 in 'participantId eq'.");
        yield return Bad("$filter=participantId eq 'x", "There is an unterminated string literal at position 19 in 'participantId eq 'x'.");
        yield return Bad("$filter=(participantId eq 'x'", "')' or operator expected at position 21 in '(participantId eq 'x''.");
        yield return Bad("$filter=participantId eq 1", "A binary operator with incompatible types was detected. Found operand types 'Edm.String' and 'Edm.Int32' for operator kind 'Equal'.");
        yield return Bad("$filter=participantId gt 2026-01-01", "A binary operator with incompatible types was detected.");
        yield return Bad("$filter=startswith(participantId)", "No function signature for the function with name 'startswith' matches the specified arguments.");
        yield return Bad("$filter=frobnicate(participantId)", "An unknown function with name 'frobnicate' was found.");
        yield return Bad("$filter=participantId in ('a', 1)", "String item should be single/double quoted: '1'.");
        yield return Bad("$filter=participantId", "The $filter expression must evaluate to a single boolean value.");
        yield return Bad("$filter=", "The value for OData query '$filter' cannot be empty.");
        yield return Bad("$orderby=participantId sideways", "Syntax error at position 22 in 'participantId sideways'.");
        yield return Bad("$orderby=", "The value for OData query '$orderby' cannot be empty.");
        yield return Bad("$select=participantId,,id", "An identifier was expected at position 14.");
        yield return Bad("$count=maybe", "The value of $count must be true or false; the request has 'maybe'.");
        yield return Bad("$search=(unbalanced", "')' or operator expected at position 11 in '(unbalanced'.");
        yield return Bad("$search=\"", "There is an unterminated string literal at position 1 in '\"'.");
        yield return Bad("$search=bob-2", "Syntax error: character '-' is not valid at position 3 in 'bob-2'.");
        yield return Bad("$filter=any(x: x eq 1)", "')' or ',' expected at position 5 in 'any(x: x eq 1)'.");
        yield return Bad("$filter=participantId/foo eq 1", "Could not find a property named 'foo' on type 'Edm.String'.");
        yield return Bad("$filter=length(participantId) eq 'x'", "A binary operator with incompatible types was detected.");
        yield return Bad("$filter=id eq 'a'&$filter=id eq 'b'", "The query option '$filter' is given more than once.");
        yield return Bad("$skiptoken=not-a-token", "The $skiptoken is not valid");
        yield return Bad("$top=1e3", "The value of $top must be an integer from 1 to 999");
    }

    private static TestCaseData Bad(string query, string messagePart) => new(query, messagePart);

    [TestCaseSource(nameof(BadQueries))]
    public async Task BadQuery_Returns400GraphError(string query, string messagePart)
    {
        var response = await _client.GetAsync($"{Set}?{query}");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Contain(messagePart);
    }

    /// <summary>The bad queries that matter to /$count, which ignores $skiptoken as it ignores $top and $orderby.</summary>
    private static IEnumerable<TestCaseData> BadCountQueries() =>
        BadQueries().Where(data => !((string)data.Arguments[0]!).StartsWith("$skiptoken", StringComparison.Ordinal));

    [TestCaseSource(nameof(BadCountQueries))]
    public async Task BadQuery_OnCountSegment_Returns400GraphError(string query, string messagePart)
    {
        var response = await _client.GetAsync($"{Set}/$count?{query}");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Contain(messagePart);
    }
}
