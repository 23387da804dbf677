using System.Net;
using System.Text.Json;
using GraphLite.Tests.Batch;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.EntitySet;

/// <summary>Client-chosen ids that need escaping round-trip through every URL form, in process and over Kestrel.</summary>
public abstract class KeyTestsBase
{
    /// <summary>Ids with characters that are special in paths, queries, fragments, percent-encoding and OData literals.</summary>
    public static readonly string[] UnusualIds =
    [
        "a/b",
        "what?is=this&x",
        "hash#tag",
        "100%",
        "%41-not-an-A",
        "with space",
        "O'Brien",
        "'quoted'",
        "Zoë-Ångström-日本",
        "all/of ?them#%'é",
    ];

    /// <summary>
    /// Ids that contain the text "%2F". Servers decode every escape of the path but %2F, so only the raw request
    /// target distinguishes them from a slash, and the in-process test server passes none.
    /// </summary>
    public static readonly string[] RawTargetIds = ["%2F-not-a-slash", "a/b%2fc"];

    protected HttpClient Client { get; set; } = null!;

    protected abstract string Root { get; }

    [TestCaseSource(nameof(UnusualIds))]
    public Task Key_RoundTripsThroughLocation(string id) => AssertRoundTripThroughLocationAsync($"location-{id}");

    [TestCaseSource(nameof(UnusualIds))]
    public Task Key_RoundTripsInParenthesesWithDoubledQuotes(string id) => AssertRoundTripInParenthesesAsync($"parentheses-{id}");

    protected async Task AssertRoundTripThroughLocationAsync(string id)
    {
        var created = await Client.CreateAsync(Requests.Notification("p", id: JsonEncodedText.Encode(id).ToString()));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var location = created.Headers.Location!;
        location.AbsoluteUri.Should().Be($"{Root}participantLeftNotifications/{Uri.EscapeDataString(id)}");
        created.Header("ETag").Should().Be("W/\"1\"");

        var read = await Client.GetAsync(location);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        (await read.ReadJsonAsync()).GetProperty("id").GetString().Should().Be(id);

        var patched = await Client.SendJsonAsync(HttpMethod.Patch, location.AbsoluteUri, """{"participantId":"patched"}""", ("If-Match", "W/\"1\""));
        patched.StatusCode.Should().Be(HttpStatusCode.NoContent);

        var value = await Client.GetAsync($"{location.AbsoluteUri}/participantId/$value");
        (await value.Content.ReadAsStringAsync()).Should().Be("patched");

        var deleted = await Client.DeleteAsync(location);
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Client.GetAsync(location)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    protected async Task AssertRoundTripInParenthesesAsync(string id)
    {
        (await Client.CreateAsync(Requests.Notification("p", id: JsonEncodedText.Encode(id).ToString()))).StatusCode.Should().Be(HttpStatusCode.Created);
        var literal = Uri.EscapeDataString(id.Replace("'", "''", StringComparison.Ordinal));
        var url = $"{Root}participantLeftNotifications('{literal}')";

        var read = await Client.GetAsync(url);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        (await read.ReadJsonAsync()).GetProperty("id").GetString().Should().Be(id);

        var patched = await Client.SendJsonAsync(HttpMethod.Patch, url, """{"participantId":"patched"}""", ("Prefer", "return=representation"));
        patched.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await patched.ReadJsonAsync();
        body.GetProperty("id").GetString().Should().Be(id);
        body.GetProperty("participantId").GetString().Should().Be("patched");

        var property = await (await Client.GetAsync($"{url}/id")).ReadJsonAsync();
        property.GetProperty("value").GetString().Should().Be(id);

        (await Client.DeleteAsync(url)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task KeyInParentheses_Returns400_WhenQuoteIsNotDoubled()
    {
        (await Client.CreateAsync(Requests.Notification("p", id: "single-O'Brien"))).StatusCode.Should().Be(HttpStatusCode.Created);

        var response = await Client.GetAsync($"{Root}participantLeftNotifications('single-O%27Brien')");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be("There is an unterminated literal at position 18 in '('single-O'Brien')'.");
    }
}

public sealed class KeyTests : KeyTestsBase
{
    private GraphLiteFactory _factory = null!;

    protected override string Root => "http://localhost/v1.0/";

    [SetUp]
    public void SetUp()
    {
        _factory = new GraphLiteFactory();
        Client = _factory.CreateGraphClient();
    }

    [TearDown]
    public void TearDown()
    {
        Client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Key_RoundTripsInsideBatch()
    {
        (await Client.CreateAsync(Requests.Notification("p", id: "batch-O'Brien/%2F"))).StatusCode.Should().Be(HttpStatusCode.Created);

        var response = await Client.SendBatchAsync("""
            {"requests":[
              {"id":"1","method":"GET","url":"/participantLeftNotifications/batch-O%27Brien%2F%252F"},
              {"id":"2","method":"PATCH","url":"/participantLeftNotifications('batch-O''Brien%2F%252F')","headers":{"Content-Type":"application/json"},"body":{"participantId":"patched"},"dependsOn":["1"]},
              {"id":"3","method":"GET","url":"/participantLeftNotifications/batch-O%27Brien%2F%252F/participantId","dependsOn":["2"]}
            ]}
            """);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var items = await response.ReadResponsesAsync();
        items["1"].GetProperty("status").GetInt32().Should().Be(200);
        items["1"].GetProperty("body").GetProperty("id").GetString().Should().Be("batch-O'Brien/%2F");
        items["2"].GetProperty("status").GetInt32().Should().Be(204);
        items["2"].Header("ETag").Should().Be("W/\"2\"");
        items["3"].GetProperty("body").GetProperty("value").GetString().Should().Be("patched");
    }
}
